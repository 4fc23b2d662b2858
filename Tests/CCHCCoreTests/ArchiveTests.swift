import Foundation
import Testing

@testable import CCHCCore

private func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("cchc-archive-\(Slug.make(name))-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs a program with arguments; returns its exit status and standard output, or nil when it is not installed.
private func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
    let candidates = ["/usr/bin/\(program)", "/bin/\(program)", "/usr/local/bin/\(program)"]
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Python that opens an archive, checks every manifest entry against the file's bytes, and prints
/// the names in order with their mode and time.
private let verifier = """
    import sys, json, hashlib, zipfile, tarfile
    path = sys.argv[1]
    if path.endswith('.zip'):
        z = zipfile.ZipFile(path)
        assert z.testzip() is None
        read = lambda n: z.read(n)
        infos = [(i.filename, oct(i.external_attr >> 16), '%04d-%02d-%02d' % i.date_time[:3]) for i in z.infolist()]
    else:
        t = tarfile.open(path, 'r:gz')
        read = lambda n: t.extractfile(n).read()
        import time
        infos = [(m.name + ('/' if m.isdir() else ''), oct(m.mode), time.strftime('%Y-%m-%d', time.gmtime(m.mtime)) + ' %d:%d:%s:%s' % (m.uid, m.gid, m.uname, m.gname)) for m in t.getmembers()]
    manifest = json.loads(read('manifest.json'))
    for f in manifest['files']:
        data = read(f['path'])
        assert len(data) == f['size'], f['path']
        assert hashlib.sha256(data).hexdigest() == f['sha256'], f['path']
    print(manifest['cchcVersion'], manifest['asOf'], len(manifest['files']))
    for info in infos:
        print(*info)
    """

struct ArchiveTests {
    // MARK: checksums

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func sha256Vectors(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    @Test func sha256OfAMillionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256AcrossBlockBoundaries() {
        // Lengths around the 55/56/64-byte padding edges, fed whole and in odd pieces.
        for length in [55, 56, 63, 64, 65, 119, 120, 128, 1000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var hasher = SHA256()
            var start = 0
            var step = 1
            while start < bytes.count {
                let end = min(bytes.count, start + step)
                hasher.update(Array(bytes[start..<end]))
                start = end
                step = step * 2 + 1
            }
            #expect(hasher.finalize() == SHA256.hash(bytes), "length \(length)")
        }
    }

    @Test func crc32Vector() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        let whole = CRC32.checksum(Array("hello world".utf8))
        #expect(CRC32.checksum(Array(" world".utf8), continuing: CRC32.checksum(Array("hello".utf8))) == whole)
    }

    // MARK: formats

    @Test func formatFromFileName() {
        #expect(ArchiveFormat(fileName: "site.zip") == .zip)
        #expect(ArchiveFormat(fileName: "site-2024.TAR.GZ") == .tarGz)
        #expect(ArchiveFormat(fileName: "site.tgz") == .tarGz)
        #expect(ArchiveFormat(fileName: "site.tar") == nil)
    }

    @Test func gzipStoredBlocksDecompress() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Empty, one block, and more than one 65 535-byte stored block.
        for count in [0, 10, 65_535, 200_000] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 % 251) }
            let url = folder.appendingPathComponent("data-\(count).gz")
            try Data(Gzip.stored(bytes, mtime: 0)).write(to: url)
            guard
                let result = try run("python3", ["-c", "import gzip,sys,hashlib; print(hashlib.sha256(gzip.open(sys.argv[1]).read()).hexdigest())", url.path])
            else { return }
            #expect(result.status == 0)
            #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == SHA256.hex(bytes))
        }
    }

    @Test func longAndVietnamesePathsSurviveTar() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deep = (0..<12).map { "thu-muc-\($0)" }.joined(separator: "/")
        let unbroken = String(repeating: "a", count: 150)
        let entries: [ArchiveEntry] = [
            .file("ngắn.txt", Array("một".utf8)),
            .directory(deep),
            .file(deep + "/tep.txt", Array("sâu".utf8)),
            .file(unbroken + ".txt", Array("dài".utf8)),
        ]
        let url = folder.appendingPathComponent("t.tar.gz")
        try Data(TarGzWriter.archive(entries, date: Day(year: 2024, month: 12, day: 31)!)).write(to: url)
        let script =
            "import tarfile,sys; t=tarfile.open(sys.argv[1]); [print(m.name, t.extractfile(m).read().decode() if m.isfile() else '-') for m in t.getmembers()]"
        guard let result = try run("python3", ["-c", script, url.path]) else { return }
        #expect(result.status == 0)
        #expect(result.output == "ngắn.txt một\n\(deep) -\n\(deep)/tep.txt sâu\n\(unbroken).txt dài\n")
    }

    // MARK: release archives of a built site

    /// Builds a new site into `out`.
    private func buildSite(into out: URL, site: URL) throws -> Day {
        if !FileManager.default.fileExists(atPath: site.path) {
            try SiteScaffold.write(to: site, options: .init(province: "Bắc Kạn", year: 2024))
        }
        let result = try SiteBuild.run(root: site, out: out)
        return try #require(result.summary).asOf
    }

    @Test(arguments: ["site.zip", "site.tar.gz"])
    func archivesAreReproducibleAndTheManifestMatches(name: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        // Two builds at different times into different folders give the same archive bytes.
        let asOf = try buildSite(into: folder.appendingPathComponent("public-1"), site: site)
        Thread.sleep(forTimeInterval: 1.1)
        _ = try buildSite(into: folder.appendingPathComponent("public-2"), site: site)
        let first = folder.appendingPathComponent("1-" + name), second = folder.appendingPathComponent("2-" + name)
        let summary = try ReleaseArchive.write(folder: folder.appendingPathComponent("public-1"), to: first, asOf: asOf)
        try ReleaseArchive.write(folder: folder.appendingPathComponent("public-2"), to: second, asOf: asOf)
        let a = try Data(contentsOf: first), b = try Data(contentsOf: second)
        #expect(a == b)
        #expect(summary.bytes == a.count && summary.sha256 == SHA256.hex([UInt8](a)))
        // Writing again over an existing archive replaces it with the same bytes.
        try ReleaseArchive.write(folder: folder.appendingPathComponent("public-1"), to: first, asOf: asOf)
        #expect(try Data(contentsOf: first) == a)

        // The manifest lists every built file with the right size and checksum (read back by Python).
        let files = try ReleaseArchive.files(in: folder.appendingPathComponent("public-1"))
        #expect(summary.files == files.count)
        guard let result = try run("python3", ["-c", verifier, first.path]) else { return }
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(cchcVersion) 2024-03-20 \(files.count)")
        let entries = lines.dropFirst()
        #expect(entries.first?.hasPrefix("manifest.json ") == true)
        for line in entries {
            let parts = line.split(separator: " ").map(String.init)
            #expect(
                parts[1] == (parts[0].hasSuffix("/") ? (name.hasSuffix(".zip") ? "0o40755" : "0o755") : (name.hasSuffix(".zip") ? "0o100644" : "0o644")),
                "\(line)")
            #expect(parts[2] == "2024-03-20")
            if name.hasSuffix(".tar.gz") { #expect(parts[3] == "0:0::", "\(line)") }
        }
        // Files come in byte order of their paths, folders just before their first file.
        let paths = entries.dropFirst().map { String($0.split(separator: " ")[0]) }.filter { !$0.hasSuffix("/") }
        #expect(paths == files.map(\.path))
    }

    @Test func systemTarReadsTheArchive() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("public")
        let asOf = try buildSite(into: out, site: folder.appendingPathComponent("site"))
        let archive = folder.appendingPathComponent("site.tar.gz")
        try ReleaseArchive.write(folder: out, to: archive, asOf: asOf)
        let extracted = folder.appendingPathComponent("x")
        try FileManager.default.createDirectory(at: extracted, withIntermediateDirectories: true)
        guard let result = try run("tar", ["-xzf", archive.path, "-C", extracted.path]) else { return }
        #expect(result.status == 0)
        for file in try ReleaseArchive.files(in: out) {
            #expect(try Data(contentsOf: extracted.appendingPathComponent(file.path)) == Data(file.bytes), "\(file.path)")
        }
        #expect(FileManager.default.fileExists(atPath: extracted.appendingPathComponent("manifest.json").path))
    }

    @Test func refusesBadNamesAndArchivesInsideTheOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: out.appendingPathComponent("index.html"))
        let day = Day(year: 2024, month: 1, day: 1)!
        #expect(throws: ArchiveError.self) { try ReleaseArchive.write(folder: out, to: folder.appendingPathComponent("site.rar"), asOf: day) }
        #expect(throws: ArchiveError.self) { try ReleaseArchive.write(folder: out, to: out.appendingPathComponent("site.zip"), asOf: day) }
        try Data("{}".utf8).write(to: out.appendingPathComponent("manifest.json"))
        #expect(throws: ArchiveError.self) { try ReleaseArchive.write(folder: out, to: folder.appendingPathComponent("site.zip"), asOf: day) }
    }

    @Test func manifestEscapesAndOrders() {
        let manifest = String(
            decoding: ReleaseArchive.manifest([("a\"b.txt", Array("x".utf8))], asOf: Day(year: 2024, month: 9, day: 30)!, version: "9.9"), as: UTF8.self)
        #expect(
            manifest == """
                {
                  "cchcVersion": "9.9",
                  "asOf": "2024-09-30",
                  "files": [
                    {"path": "a\\"b.txt", "size": 1, "sha256": "\(SHA256.hex(Array("x".utf8)))"}
                  ]
                }

                """)
    }
}
