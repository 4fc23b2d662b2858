import ArgumentParser
import CCHCCore
import CCHCPreview
import Foundation

/// `cchc serve`: builds the site in memory, serves it, and rebuilds and reloads on every change.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview a site while editing: serve it over HTTP and reload open pages on every change.",
        discussion: """
            Watches site.yml, content/ and templates/. A failed rebuild keeps the last good site and shows \
            the problems over every page until they are fixed. Nothing is written to disk; the preview's \
            reload script is added to served pages only, never to `cchc build` output.

            Limits: 2,048 open reload streams (then 503 with Retry-After) and 4,096 connections, \
            lowered to fit the open-file limit; 30 s to send a whole request, and 30 s at most \
            with an answer left unread, before a connection is closed; request line and headers \
            up to 64 KiB and 256 fields (400 beyond).

            Examples:
              cchc serve                          preview ./ at http://127.0.0.1:8000/
              cchc serve trang-cchc --port 8080
              cchc serve --host 0.0.0.0           let other machines on the network see it
            """)

    @OptionGroup var options: SiteOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(help: "The address to listen on. The default is loopback only; 0.0.0.0 makes the preview reachable from other machines.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, found \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        let root = options.root
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("site.yml").path) else {
            Output.printError("error: \(root.path) has no site.yml; give the site folder, e.g. `cchc serve path/to/site`")
            throw ExitCode(1)
        }
        let configuration = PreviewConfiguration(root: root, host: host, port: port, asOf: try options.reportingDate(), handleSignals: true)
        let server = PreviewServer(configuration) { event in
            switch event {
            case .listening(let url):
                if !["127.0.0.1", "localhost", "::1"].contains(host) {
                    Output.printError("warning: listening on \(host): the preview is reachable from other machines")
                }
                // stdout may be a pipe (scripts wait for this line): write it unbuffered.
                FileHandle.standardOutput.write(Data("serving \(root.path) at \(url.absoluteString) (Ctrl-C to stop)\n".utf8))
            case .rebuilt(let report):
                Serve.describe(report)
            }
        }
        Output.printError("cchc: building \(options.site) …")
        do {
            try await server.run()
        } catch {
            Output.printError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
        Output.printError("cchc: stopped")
    }

    static func describe(_ report: RebuildReport) {
        Output.printDiagnostics(report.diagnostics)
        let seconds = Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18
        let cause =
            report.changed.isEmpty
            ? ""
            : " after changes to \(report.changed.prefix(3).joined(separator: ", "))\(report.changed.count > 3 ? " and \(report.changed.count - 3) more" : "")"
        if report.succeeded {
            Output.printError("built \(report.pages) pages, \(report.files) files in \(String(format: "%.2f", seconds)) s\(cause)")
        } else {
            Output.printError("build failed\(cause): \(DiagnosticReport.summary(report.diagnostics)); still serving the last good site")
        }
    }
}
