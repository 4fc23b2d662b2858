import Foundation
import Synchronization

/// The line `cchc build` keeps up to date while it writes a large site: "đang dựng trang: 1200/35000".
///
/// Shown only to a person watching: when standard error is a terminal and `CI` is not set, and
/// only once the build has run for more than a second, so small builds, logs and pipes never
/// see it. The line is rewritten in place with `\r` and erased before the summary is printed.
final class BuildProgress: Sendable {
    /// Whether a progress line may be shown at all in this process.
    static var wanted: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// How long the build must have run before the line appears: one second, or `CCHC_PROGRESS_AFTER`
    /// seconds (tests set 0 to see the line on a small site).
    private let delay: Duration = .seconds(Double(ProcessInfo.processInfo.environment["CCHC_PROGRESS_AFTER"] ?? "") ?? 1)
    private let started = ContinuousClock.now
    /// Set once a line has been printed, so `finish` knows whether to erase it.
    private let shown = Atomic<Bool>(false)
    private let lock = Mutex(())

    /// Called after each file with the count done and the total (from many threads).
    func update(done: Int, total: Int) {
        let step = max(1, total / 200)
        guard done % step == 0 || done == total else { return }
        guard ContinuousClock.now - started >= delay else { return }
        lock.withLock { _ in
            shown.store(true, ordering: .relaxed)
            Self.write("\rđang dựng trang: \(done)/\(total)")
        }
    }

    /// `update` as the function `SiteBuild.run` calls.
    var callback: @Sendable (Int, Int) -> Void {
        { [self] done, total in update(done: done, total: total) }
    }

    /// Erases the line, if one was printed.
    func finish() {
        lock.withLock { _ in
            if shown.load(ordering: .relaxed) { Self.write("\r\u{1B}[K") }
        }
    }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { _ = Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
