#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How much one client, or many, may ask of the preview server.
///
/// The preview is meant for one person's browser, but it listens on a socket, and a stuck or
/// hostile client must not make it stop answering the others or grow without bound. Each limit
/// here is documented under "Limits" in `docs/content-format.md` and in `cchc serve --help`.
public struct PreviewLimits: Sendable, Equatable {
    /// Open `/__cchc/events` streams at most; the next one gets 503 with `Retry-After`.
    /// A browser holds at most six connections to one server, so this is room for hundreds of
    /// browsers, and it keeps memory bounded: a stream costs a connection and about 30 KB.
    public var eventStreams: Int
    /// Open connections at most, event streams included; beyond it new connections wait in the
    /// listen queue until one closes. Lowered at start to the process's file limit less a reserve,
    /// so the rebuild can still open the site's files.
    public var connections: Int
    /// How long a connection has to send one complete request (request line, headers and any
    /// body), counted from when it opens or its previous answer was sent; it is closed after
    /// that. This drops idle keep-alive connections and clients that send a byte now and then.
    public var requestTimeout: Duration
    /// How long a client may leave an answer unread (the server cannot write for so long) before
    /// the connection is closed: a client that stops reading a download does not hold it forever.
    public var writeTimeout: Duration
    /// The request line and the headers together, in bytes; more is answered 400.
    public var headBytes: Int
    /// Header fields at most; more is answered 400.
    public var headerFields: Int

    /// The limits of `cchc serve`.
    public init(
        eventStreams: Int = 2048, connections: Int = 4096, requestTimeout: Duration = .seconds(30),
        writeTimeout: Duration = .seconds(30), headBytes: Int = 64 * 1024, headerFields: Int = 256
    ) {
        self.eventStreams = eventStreams
        self.connections = connections
        self.requestTimeout = requestTimeout
        self.writeTimeout = writeTimeout
        self.headBytes = headBytes
        self.headerFields = headerFields
    }

    /// File descriptors kept for everything but connections: the site's files read by a rebuild,
    /// the change notifications, the event loop's own.
    static let reservedFiles = 128
    /// Connections always left for pages when event streams are at their limit.
    static let reservedForPages = 32

    /// These limits as they can be kept with `openFiles` file descriptors: the connection limit
    /// leaves ``reservedFiles`` of them, and the event-stream limit leaves ``reservedForPages``
    /// connections for everything else.
    func fitted(openFiles: Int) -> PreviewLimits {
        var limits = self
        limits.connections = max(1, min(connections, openFiles - Self.reservedFiles))
        limits.eventStreams = max(1, min(eventStreams, limits.connections - Self.reservedForPages))
        return limits
    }
}

/// The process's limit of open files.
enum OpenFileLimit {
    /// The most `raise()` asks for: more than any preview needs, and clear of kernels that treat a
    /// huge limit as a reason to allocate.
    static let ceiling = 65536

    /// Raises the soft limit to the hard one (at most ``ceiling``), as Go programs and most servers
    /// do at start: many systems give a process 1,024 by default, less than the limits above want.
    /// Returns the soft limit in force afterwards.
    @discardableResult
    static func raise() -> Int {
        var limit = rlimit()
        #if canImport(Glibc)
            let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
            let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        let wanted = min(limit.rlim_max, rlim_t(ceiling))
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }
}
