import CCHCCore
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The preview server of `cchc serve`.
public enum Preview {
    /// The path of the Server-Sent Events stream that open pages listen to for reloads.
    public static let eventsPath = Injection.eventsPath
}

/// How `cchc serve` runs.
public struct PreviewConfiguration: Sendable {
    /// The site folder.
    public var root: URL
    /// The address to listen on; loopback unless said otherwise.
    public var host: String
    /// The port; 0 picks a free one (see ``PreviewEvent/listening(_:)``).
    public var port: Int
    /// The reporting date, as `--as-of` (default: as_of in site.yml, else the latest report).
    public var asOf: Day?
    /// How often the sources are polled for changes (scanned; with change notifications, on
    /// Linux, the notifications are read at least every 20 ms instead, which costs next to nothing).
    public var pollInterval: Duration
    /// How long the sources must stay unchanged before a rebuild: a burst of saves is one rebuild.
    public var settleInterval: Duration
    /// How often idle event streams get a comment line.
    public var keepAliveInterval: Duration
    /// Shut down gracefully on SIGINT and SIGTERM (the command line); tests call ``PreviewServer/shutdown()``.
    public var handleSignals: Bool

    /// Creates a configuration: loopback, port 8000, a 100 ms poll.
    public init(
        root: URL, host: String = "127.0.0.1", port: Int = 8000, asOf: Day? = nil,
        pollInterval: Duration = .milliseconds(100), settleInterval: Duration = .milliseconds(60),
        keepAliveInterval: Duration = .seconds(15), handleSignals: Bool = false
    ) {
        self.root = root
        self.host = host
        self.port = port
        self.asOf = asOf
        self.pollInterval = pollInterval
        self.settleInterval = settleInterval
        self.keepAliveInterval = keepAliveInterval
        self.handleSignals = handleSignals
    }
}

/// The outcome of one build of the preview.
public struct RebuildReport: Sendable {
    /// The site built; otherwise the last good one is still served, with the diagnostics over it.
    public var succeeded: Bool
    /// Every diagnostic of this build, sorted (warnings too when it succeeded).
    public var diagnostics: [Diagnostic]
    /// The source files whose change caused it (empty for the first build).
    public var changed: [String]
    /// HTML pages and all files served after it.
    public var pages: Int
    public var files: Int
    /// How long it took until the new state was served: loading, checking, deriving and listing
    /// every path (pages are rendered when first requested).
    public var duration: Duration
}

/// What the server tells its owner.
public enum PreviewEvent: Sendable {
    /// Listening and the first build done: the URL of the site's root.
    case listening(URL)
    /// A rebuild after a change finished (or the first build, right before `listening`).
    case rebuilt(RebuildReport)
}

/// `cchc serve`: builds the site in memory, serves it, rebuilds on changes and reloads open pages.
public final class PreviewServer: Sendable {
    public let configuration: PreviewConfiguration
    let state = PreviewState()
    let hub = EventHub()
    let copies = CopyCache()
    /// Parse results kept between rebuilds.
    let parses = ParseCache()
    private let onEvent: @Sendable (PreviewEvent) -> Void
    private let control = ShutdownControl()
    private let buildQueue = DispatchQueue(label: "cchc.preview.build")

    /// Creates a server; nothing runs until ``run()``.
    public init(_ configuration: PreviewConfiguration, onEvent: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.configuration = configuration
        self.onEvent = onEvent
    }

    /// The root URL once listening.
    public var url: URL? { state.url }

    /// Binds, builds, serves and watches until ``shutdown()`` (or SIGINT/SIGTERM with `handleSignals`);
    /// throws when the address cannot be bound.
    public func run() async throws {
        var logger = Logger(label: "cchc.serve")
        logger.logLevel = .warning
        let (ports, portSink) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let app = Application(
            responder: PreviewResponder(state: state, hub: hub),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: logger)
        let watcher = WatcherService(server: self, ports: ports)
        // Services shut down in reverse order: the watcher first, which ends the event streams,
        // so the HTTP server's graceful shutdown does not wait for them.
        let group = ServiceGroup(
            services: [app, watcher],
            gracefulShutdownSignals: configuration.handleSignals ? [.sigint, .sigterm] : [],
            logger: logger)
        await control.started(group)
        defer { hub.close() }
        try await group.run()
    }

    /// Stops gracefully: event streams end, open requests finish, ``run()`` returns.
    public func shutdown() async {
        await control.shutdown()
    }

    // MARK: Building

    /// The URL pages are built for, so the 404 page's absolute links point at this server.
    static func rootURL(host: String, port: Int) -> URL {
        let shown: String
        switch host {
        case "0.0.0.0", "": shown = "127.0.0.1"
        case "::": shown = "[::1]"
        default: shown = host.contains(":") ? "[\(host)]" : host
        }
        return URL(string: "http://\(shown):\(port)/")!
    }

    /// Builds on the server's own queue (rendering blocks; the cooperative pool must keep serving).
    func rebuild(changed: [String]) async -> RebuildReport {
        await withCheckedContinuation { continuation in
            buildQueue.async {
                continuation.resume(returning: self.rebuildNow(changed: changed))
            }
        }
    }

    private func rebuildNow(changed: [String]) -> RebuildReport {
        let started = ContinuousClock.now
        let base = state.url?.absoluteString
        // Files unchanged since the last rebuild are not read again; no file is rendered until it is requested.
        let (output, _, diagnostics) = SiteBuild.prepare(root: configuration.root, asOf: configuration.asOf, baseURL: base, cache: parses)
        var built: BuiltSite?
        var problems = diagnostics
        if let output {
            do {
                built = try BuiltSite(output, cache: copies)
            } catch {
                problems.append(Diagnostic(.error, SourceLocation(path: "content/files"), "cannot read a download: \(error.localizedDescription)"))
            }
        }
        let report: RebuildReport
        if let built {
            state.update(good: built, served: ServedSite(built: built, diagnostics: []))
            report = RebuildReport(
                succeeded: true, diagnostics: problems, changed: changed, pages: built.pages, files: built.files,
                duration: ContinuousClock.now - started)
            hub.send(event: "reload", data: "reload")
        } else {
            let lines =
                problems.filter { $0.severity == .error }.map(\.description)
                + problems.filter { $0.severity == .warning }.map(\.description)
            let last = state.lastGood
            state.update(good: nil, served: ServedSite(built: last, diagnostics: lines.isEmpty ? ["the site did not build"] : lines))
            report = RebuildReport(
                succeeded: false, diagnostics: problems, changed: changed, pages: last?.pages ?? 0, files: last?.files ?? 0,
                duration: ContinuousClock.now - started)
            hub.send(event: "failed", data: DiagnosticReport.summary(problems))
        }
        return report
    }

    func emit(_ event: PreviewEvent) { onEvent(event) }
}

/// The served site and the last good build, swapped whole under a lock.
///
/// `@unchecked Sendable` is safe because every stored property is read and written only while `lock` is held.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var _served = ServedSite(built: nil, diagnostics: ["the first build has not finished yet"])
    private var _lastGood: BuiltSite?
    private var _url: URL?

    var served: ServedSite {
        lock.lock()
        defer { lock.unlock() }
        return _served
    }

    var lastGood: BuiltSite? {
        lock.lock()
        defer { lock.unlock() }
        return _lastGood
    }

    var url: URL? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return _url
        }
        set {
            lock.lock()
            _url = newValue
            lock.unlock()
        }
    }

    /// Serves `served`; `good` replaces the last good build when set. The states replaced are
    /// let go of on another thread: at national scale freeing a site takes a tenth of a second,
    /// which the new state need not wait for.
    func update(good: BuiltSite?, served: ServedSite) {
        lock.lock()
        let replaced = (good == nil ? nil : _lastGood, _served)
        if let good { _lastGood = good }
        _served = served
        lock.unlock()
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(replaced) {} }
    }
}

/// Lets ``PreviewServer/shutdown()`` reach the service group, even before it has started.
actor ShutdownControl {
    private var group: ServiceGroup?
    private var requested = false

    func started(_ group: ServiceGroup) async {
        self.group = group
        if requested { await group.triggerGracefulShutdown() }
    }

    func shutdown() async {
        requested = true
        await group?.triggerGracefulShutdown()
    }
}

/// Waits for the port, builds once, then polls the sources and rebuilds after each burst of changes.
struct WatcherService: Service {
    let server: PreviewServer
    let ports: AsyncStream<Int>

    /// How often the sources are scanned even when no change was notified.
    static let fullScanInterval: Duration = .seconds(3)
    /// How often change notifications are read at most: reading none is one system call.
    static let notificationInterval: Duration = .milliseconds(20)

    func run() async throws {
        defer { server.hub.close() }
        do {
            try await cancelWhenGracefulShutdown { try await self.watch() }
        } catch is CancellationError {
            // Shutdown.
        }
    }

    private func watch() async throws {
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }
        try Task.checkCancellation()
        let configuration = server.configuration
        let url = PreviewServer.rootURL(host: configuration.host, port: port)
        server.state.url = url
        let root = configuration.root.path
        // Made before the first scan, so every change after that scan is reported.
        let notifier = ChangeNotifier(root: root)
        var last = SourceScan.take(root: root)
        server.emit(.rebuilt(await server.rebuild(changed: [])))
        server.emit(.listening(url))

        let clock = ContinuousClock()
        var nextKeepAlive = clock.now + configuration.keepAliveInterval
        var nextFullScan = clock.now + Self.fullScanInterval
        while true {
            try await Task.sleep(for: notifier == nil ? configuration.pollInterval : min(configuration.pollInterval, Self.notificationInterval))
            if clock.now >= nextKeepAlive {
                server.hub.keepAlive()
                nextKeepAlive = clock.now + configuration.keepAliveInterval
            }
            // With change notifications a poll looks only at what was touched, and scans everything
            // now and then (for changes nothing reported); without them, every poll scans.
            var scan: SourceScan
            switch notifier.map({ $0.drain() }) {
            case .nothing? where clock.now < nextFullScan: continue
            case .paths(let paths)? where clock.now < nextFullScan: scan = last.updating(paths, root: root)
            default:
                scan = SourceScan.take(root: root)
                nextFullScan = clock.now + Self.fullScanInterval
            }
            guard scan != last else { continue }
            // Coalesce: wait until nothing new happens, for at most a second.
            var changed = Set(scan.changes(since: last))
            let deadline = clock.now + .seconds(1)
            while clock.now < deadline {
                try await Task.sleep(for: configuration.settleInterval)
                let again: SourceScan
                switch notifier.map({ $0.drain() }) {
                case .nothing?: again = scan
                case .paths(let paths)?: again = scan.updating(paths, root: root)
                case .anything?, nil: again = SourceScan.take(root: root)
                }
                if again == scan { break }
                changed.formUnion(again.changes(since: scan))
                scan = again
            }
            // The scan is taken before the build reads the files: a save during the build is seen next time.
            last = scan
            server.emit(.rebuilt(await server.rebuild(changed: changed.sorted())))
        }
    }
}
