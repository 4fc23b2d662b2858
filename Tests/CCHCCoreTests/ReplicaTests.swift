import Foundation
import Testing

@testable import CCHCCore

/// Replicas of shared values for the threads that render pages.
struct ReplicaTests {
    @Test func aThemeReplicaRendersTheSameBytesFromStorageOfItsOwn() throws {
        var log = DiagnosticLog()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let theme = Theme.load(siteRoot: root, language: .vi, log: &log)
        #expect(log.all.isEmpty)
        let replica = theme.replica()
        let context: PageMap = [
            "title": "Kế hoạch <số 1>", "items": .maps([["name": "Sở Nội vụ"], ["name": "Sở Tư pháp"]]),
            "body": .html(HTMLBytes(bytes: Array("<p>x</p>".utf8))), "has_breadcrumbs": true,
        ]
        for name in Theme.required {
            #expect(replica.renderBytes(context, template: name) == theme.renderBytes(context, template: name), "\(name)")
            let original = try #require(theme.renderer.templates[name]), copy = try #require(replica.renderer.templates[name])
            #expect(original.ops.withUnsafeBufferPointer(\.baseAddress) != copy.ops.withUnsafeBufferPointer(\.baseAddress))
            #expect(original.bytes.withUnsafeBufferPointer(\.baseAddress) != copy.bytes.withUnsafeBufferPointer(\.baseAddress))
        }
    }

    @Test func aLongTextIsCopiedAndAShortOneKeptInline() {
        let long = String(repeating: "Ủy ban nhân dân ", count: 4)
        let copy = Template.fresh(long)
        #expect(copy == long)
        var a = long, b = copy
        #expect(a.withUTF8(\.baseAddress) != b.withUTF8(\.baseAddress))
        #expect(Template.fresh("href") == "href")
    }

    @Test func aPoolNeverLendsOneCopyToTwoThreadsAtOnce() {
        final class Copy: @unchecked Sendable {
            let lock = NSLock()
            var users = 0
        }
        let made = NSLock()
        nonisolated(unsafe) var count = 0
        let pool = ReplicaPool<Copy> {
            made.withLock { count += 1 }
            return Copy()
        }
        let clashes = ConcurrentMap.run(2000) { _ in
            pool.with { copy -> Bool in
                let alone = copy.lock.withLock {
                    copy.users += 1
                    return copy.users == 1
                }
                usleep(10)
                copy.lock.withLock { copy.users -= 1 }
                return !alone
            }
        }
        #expect(!clashes.contains(true))
        #expect(made.withLock { count } <= ProcessInfo.processInfo.activeProcessorCount + 8)
    }
}
