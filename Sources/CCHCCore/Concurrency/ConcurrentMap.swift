import Dispatch

/// Runs a function over `0..<count` on all cores and returns the results in index order.
public enum ConcurrentMap {
    /// While true (`ConcurrentMap.$serial.withValue(true) { … }`), `run` applies `body` to each index in
    /// turn on the calling thread, and so does every `run` inside it: a build made so is the serial
    /// reference the tests compare the parallel build with.
    @TaskLocal public static var serial = false

    /// Applies `body` to every index concurrently; the output order is the index order.
    public static func run<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1, !serial else { return (0..<count).map(body) }
        let buffer = ResultBuffer<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in buffer.store(body(i), at: i) }
        return buffer.values()
    }
}

/// Slots written by `concurrentPerform`: each index is written by exactly one iteration.
///
/// `@unchecked Sendable` is safe because every slot is written once, by one thread, and read only
/// after `concurrentPerform` has returned (which orders the writes before the reads). The slots
/// are raw memory allocated once: an `Array` would not do, since `withUnsafeMutableBufferPointer`
/// moves the array out of the property while its closure runs, so two threads storing at once
/// raced on it (seen once the parse cache made most jobs take microseconds).
final class ResultBuffer<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) {
        precondition(index >= 0 && index < count, "slot \(index) of \(count)")
        slots[index] = value
    }

    /// Every slot's value; each was stored by its iteration.
    func values() -> [T] { (0..<count).map { slots[$0]! } }
}
