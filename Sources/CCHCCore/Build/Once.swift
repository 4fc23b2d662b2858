import Foundation

/// A value made the first time it is asked for, by whichever thread asks first; threads that ask
/// meanwhile wait for it, so it is made exactly once.
///
/// `@unchecked Sendable` is safe because `state` is only read and written while `lock` is held,
/// and the maker is `@Sendable`. The maker must not ask the same `Once` for its value (it would
/// wait for itself).
public final class Once<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case waiting(@Sendable () -> Value)
        case made(Value)
    }

    private let lock = NSLock()
    private var state: State

    /// A value made by `make` when first asked for.
    public init(_ make: @escaping @Sendable () -> Value) {
        state = .waiting(make)
    }

    /// A value that is already there.
    public init(value: Value) {
        state = .made(value)
    }

    /// The value, made now if this is the first time.
    public func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .made(let value):
            return value
        case .waiting(let make):
            let value = make()
            state = .made(value)
            return value
        }
    }
}
