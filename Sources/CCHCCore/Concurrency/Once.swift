import Synchronization

/// A value made the first time it is asked for, by whichever thread asks first; threads that ask
/// meanwhile wait for it, so it is made exactly once.
///
/// Once made, the value is read without a lock: some values (the link tables) are asked for
/// many times on every page, by every thread. The maker must not ask the same `Once` for its value
/// (it would wait for itself).
public final class Once<Value: Sendable>: Sendable {
    /// The made value, boxed, published once with a releasing store and read with an acquiring load.
    private let made = Atomic<Unmanaged<Box>?>(nil)
    /// The maker, until it has run; held while it runs, so that other threads wait.
    private let maker: Mutex<(@Sendable () -> Value)?>

    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// A value made by `make` when first asked for.
    public init(_ make: @escaping @Sendable () -> Value) {
        maker = Mutex(make)
    }

    /// A value that is already there.
    public init(value: Value) {
        maker = Mutex(nil)
        made.store(Unmanaged.passRetained(Box(value)), ordering: .releasing)
    }

    deinit {
        made.load(ordering: .acquiring)?.release()
    }

    /// The value, made now if this is the first time.
    public func get() -> Value {
        if let box = made.load(ordering: .acquiring) { return box.takeUnretainedValue().value }
        return maker.withLock { make in
            // Another thread may have made it while this one waited for the lock.
            if let box = made.load(ordering: .acquiring) { return box.takeUnretainedValue().value }
            let value = make!()
            make = nil
            made.store(Unmanaged.passRetained(Box(value)), ordering: .releasing)
            return value
        }
    }
}
