import Testing
struct CLITestsSuite {}
