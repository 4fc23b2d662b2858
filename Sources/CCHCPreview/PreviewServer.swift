import CCHCCore
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

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
    /// What clients may ask of the server: event streams, connections, timeouts, header sizes.
    public var limits: PreviewLimits

    /// Creates a configuration: loopback, port 8000, a 100 ms poll.
    public init(
        root: URL, host: String = "127.0.0.1", port: Int = 8000, asOf: Day? = nil,
        pollInterval: Duration = .milliseconds(100), settleInterval: Duration = .milliseconds(60),
        keepAliveInterval: Duration = .seconds(15), handleSignals: Bool = false, limits: PreviewLimits = PreviewLimits()
    ) {
        self.root = root
        self.host = host
        self.port = port
        self.asOf = asOf
        self.pollInterval = pollInterval
        self.settleInterval = settleInterval
        self.keepAliveInterval = keepAliveInterval
        self.handleSignals = handleSignals
        self.limits = limits
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

    /// The number of open event streams.
    public var eventStreamCount: Int { hub.count }

    /// Binds, builds, serves and watches until ``shutdown()`` (or SIGINT/SIGTERM with `handleSignals`);
    /// throws when the address cannot be bound.
    public func run() async throws {
        var logger = Logger(label: "cchc.serve")
        logger.logLevel = .warning
        let (ports, portSink) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let limits = configuration.limits.fitted(openFiles: OpenFileLimit.raise())
        // The handlers are made anew for each connection (an autoclosure), so each guard counts its own.
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [
                ConnectionGuard(
                    requestTimeout: limits.requestTimeout, writeTimeout: limits.writeTimeout,
                    eventsPath: Injection.eventsPath)
            ],
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: limits.headBytes, maxHeaderListSize: limits.headBytes,
                maxHeaderFieldCount: limits.headerFields))
        let app = Application(
            responder: PreviewResponder(state: state, hub: hub, eventStreams: limits.eventStreams),
            server: .http1(configuration: http),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(limits.connections)),
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
final class PreviewState: Sendable {
    private struct State {
        var served = ServedSite(built: nil, diagnostics: ["the first build has not finished yet"])
        var lastGood: BuiltSite?
        var url: URL?
    }

    private let state = Mutex(State())

    var served: ServedSite { state.withLock { $0.served } }

    var lastGood: BuiltSite? { state.withLock { $0.lastGood } }

    var url: URL? {
        get { state.withLock { $0.url } }
        set { state.withLock { $0.url = newValue } }
    }

    /// Serves `served`; `good` replaces the last good build when set. The states replaced are
    /// let go of on another thread: at national scale freeing a site takes a tenth of a second,
    /// which the new state need not wait for.
    func update(good: BuiltSite?, served: ServedSite) {
        let replaced = state.withLock { state in
            let replaced = (good == nil ? nil : state.lastGood, state.served)
            if let good { state.lastGood = good }
            state.served = served
            return replaced
        }
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
