/// Turns a request target's path into a path inside the built site, refusing anything that could
/// name a file outside it.
///
/// The preview serves from memory, so no request can reach the disk anyway; refusing these paths
/// outright keeps it that way if that ever changes, and answers them the same everywhere: 404.
enum RequestPath {
    /// A path inside the site: segments without `.`/`..`/empty ones, and whether it named a folder.
    struct Resolved: Equatable {
        /// Relative, `/`-separated, no leading or trailing slash; "" for the root.
        var path: String
        /// The URL ended in `/` (or was `/`).
        var isFolder: Bool
    }

    /// Decodes the raw (still percent-encoded) path; nil for anything unsafe or malformed:
    /// `..` or `.` segments (also encoded), empty segments (`//etc/passwd`), backslashes, NUL and
    /// other control bytes, bad percent escapes, invalid UTF-8, or a path not starting with `/`.
    static func resolve(_ raw: String) -> Resolved? {
        let rawBytes = Array(raw.utf8)
        guard rawBytes.first == UInt8(ascii: "/") else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rawBytes.count)
        var i = 0
        while i < rawBytes.count {
            let byte = rawBytes[i]
            if byte == UInt8(ascii: "%") {
                guard i + 2 < rawBytes.count, let high = hexValue(rawBytes[i + 1]), let low = hexValue(rawBytes[i + 2]) else { return nil }
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(byte)
                i += 1
            }
        }
        for byte in bytes where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") { return nil }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var parts: [Substring] = []
        for (index, segment) in zip(segments.indices, segments) {
            if segment.isEmpty {
                // Only the last segment may be empty: `/plans/`.
                guard index == segments.indices.last else { return nil }
                continue
            }
            if segment == "." || segment == ".." { return nil }
            parts.append(segment)
        }
        let isFolder = segments.last?.isEmpty ?? true
        return Resolved(path: parts.joined(separator: "/"), isFolder: isFolder)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
