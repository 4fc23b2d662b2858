import CCHCTestSupport
import Foundation
import Testing

/// A site built by the real binary: the fixture, the output folder and what the run printed.
final class BuiltSite: Sendable {
    /// The site that was built (kept alive so its folder stays).
    let site: TemporarySite
    /// The output folder.
    let out: URL
    /// The run of `cchc build`.
    let run: CommandResult

    /// Builds `site` into `out` (default: a folder `public` beside nothing in the site) with extra arguments.
    init(_ site: TemporarySite, out: URL? = nil, _ arguments: [String] = []) throws {
        self.site = site
        self.out = out ?? site.url("public")
        run = try CCHCBinary.run(["build", site.root.path, "--out", self.out.path] + arguments)
    }

    /// Every output file, relative path → bytes.
    var files: [String: [UInt8]] { OutputTree.files(under: out) }

    /// The text of an output file; records an issue when it is missing.
    func page(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(path).path) else {
            Issue.record("missing output file \(path)", sourceLocation: sourceLocation)
            return ""
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether the output has a file at `path`.
    func has(_ path: String) -> Bool { FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path) }
}

/// The example site, built once for every test that only reads its output.
enum Example {
    static let built: Result<BuiltSite, any Error> = Result { try BuiltSite(try TemporarySite.example()) }

    /// The shared build; fails the test when the build did not succeed.
    static func get() throws -> BuiltSite {
        let built = try built.get()
        try #require(built.run.exitCode == 0, "\(built.run)")
        return built
    }
}

/// `href` and `src` values of an HTML page, in order.
func links(in html: String) -> [String] {
    var out: [String] = []
    for attribute in ["href=\"", "src=\""] {
        var rest = html[...]
        while let start = rest.range(of: attribute) {
            let value = rest[start.upperBound...]
            guard let end = value.firstIndex(of: "\"") else { break }
            out.append(String(value[..<end]))
            rest = value[end...]
        }
    }
    return out
}

/// Undoes percent-encoding and the HTML entities an attribute may hold.
func decodedLink(_ link: String) -> String {
    let unescaped = link.replacingOccurrences(of: "&amp;", with: "&")
    return unescaped.removingPercentEncoding ?? unescaped
}
