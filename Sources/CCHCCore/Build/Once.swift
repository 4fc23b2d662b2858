import Foundation
import Synchronization

/// A value made the first time it is asked for, by whichever thread asks first; threads that ask
/// meanwhile wait for it, so it is made exactly once.
///
/// `@unchecked Sendable` is safe because `state` is only written while `lock` is held, and read
/// without it only once `made` says it holds the value for good (the store of `made` releases
/// what was written before it, its load acquires it); the maker is `@Sendable`. The maker must not ask the same `Once` for its value (it would
/// wait for itself).
public final class Once<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case waiting(@Sendable () -> Value)
        case made(Value)
    }

    private let lock = NSLock()
    private var state: State
    /// Set once `state` holds the value: then it is read without the lock (some values are asked
    /// for on every page).
    private let made = Atomic<Bool>(false)

    /// A value made by `make` when first asked for.
    public init(_ make: @escaping @Sendable () -> Value) {
        state = .waiting(make)
    }

    /// A value that is already there.
    public init(value: Value) {
        state = .made(value)
        made.store(true, ordering: .releasing)
    }

    /// The value, made now if this is the first time.
    public func get() -> Value {
        if made.load(ordering: .acquiring), case .made(let value) = state { return value }
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .made(let value):
            return value
        case .waiting(let make):
            let value = make()
            state = .made(value)
            made.store(true, ordering: .releasing)
            return value
        }
    }
}
