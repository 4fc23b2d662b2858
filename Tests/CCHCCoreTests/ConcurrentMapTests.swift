import Testing

@testable import CCHCCore

struct ConcurrentMapTests {
    /// Jobs of a few nanoseconds store their results at the same moment on every core: the slots
    /// must not race (they did while they were an array, once cached loads made jobs that short).
    @Test func tinyJobsOnAllCoresKeepEveryResultInOrder() {
        for _ in 0..<20 {
            let out = ConcurrentMap.run(50_000) { "\($0)" }
            #expect(out.count == 50_000)
            #expect(out.enumerated().allSatisfy { $0.element == "\($0.offset)" })
        }
    }
}
