import Testing
struct CCHCChartsTestsSuite {}
