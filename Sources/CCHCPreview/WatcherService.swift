import CCHCCore
import Foundation
import ServiceLifecycle

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
