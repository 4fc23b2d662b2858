import Synchronization

/// Copies of a value for threads to use one at a time: a thread takes one, uses it, and gives it
/// back, and a new copy is made only when every one is in use, so there are as many as threads
/// ever used them at once.
final class ReplicaPool<Value: Sendable>: Sendable {
    private let idle = Mutex<[Value]>([])
    private let make: @Sendable () -> Value

    /// A pool whose copies `make` makes.
    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// Runs `body` with a copy no other thread is using.
    func with<T>(_ body: (Value) -> T) -> T {
        let value = idle.withLock { $0.popLast() } ?? make()
        defer { idle.withLock { $0.append(value) } }
        return body(value)
    }
}
