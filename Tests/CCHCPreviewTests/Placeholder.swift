import Testing
struct CCHCPreviewTestsSuite {}
