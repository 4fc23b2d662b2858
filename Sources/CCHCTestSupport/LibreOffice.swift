import Foundation

/// LibreOffice run headless, standing in for the province's Word and Excel in tests.
public enum LibreOffice {
    /// Why a conversion failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The `soffice` program, if installed (`scripts/setup` installs it).
    public static var program: URL? {
        for path in ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        return nil
    }

    /// Converts `file` with a LibreOffice filter (`docx:"MS Word 2007 XML"`, `pdf`, `xlsx`, …) into
    /// `folder`, with a profile of its own so parallel runs never share one; returns the new file.
    public static func convert(_ file: URL, to filter: String, extension ext: String, into folder: URL) throws -> URL {
        guard let program else {
            throw Failure(description: "soffice is not installed; run scripts/setup (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui)")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = program
        process.arguments = [
            "-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore", "--convert-to", filter, "--outdir", folder.path, file.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let out = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + ext)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: out.path) else {
            throw Failure(description: "soffice could not convert \(file.lastPathComponent) to \(filter) (exit \(process.terminationStatus))")
        }
        return out
    }
}
