import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// The ZIP and XML layer under .docx/.xlsx reading: hostile containers are refused by name.
struct OfficePackageTests {
    @Test func aWellFormedPackageReadsItsParts() throws {
        let data = try OfficeFiles.zip([("a/b.xml", "<r xmlns:x=\"urn:x\" x:k=\"v\" k=\"w\"><x:c>hi</x:c></r>")])
        let package = try OfficePackage(data: data)
        #expect(package.partNames == ["a/b.xml"])
        let root = try package.requiredXML("a/b.xml")
        #expect(root.name == "r")
        #expect(root.attribute("k", in: "urn:x") == "v")
        #expect(root.attribute("k") == "w")
        #expect(root.first("c", in: "urn:x")?.text == "hi")
    }

    @Test func emptyNotZipAndCompoundFilesAreNamed() throws {
        #expect(throws: OfficeFileError.empty) { try OfficePackage(data: Data()) }
        #expect(throws: OfficeFileError.notZip) { try OfficePackage(data: Data("Kế hoạch".utf8)) }
        let cfb = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        #expect(throws: OfficeFileError.compoundFile) { try OfficePackage(data: cfb) }
        #expect(OfficeFileError.compoundFile.description.contains("password"))
    }

    @Test func aTruncatedZipIsDamaged() throws {
        let data = try OfficeFiles.zip([("word/document.xml", String(repeating: "<w:p/>", count: 200))])
        #expect(throws: OfficeFileError.self) { try OfficePackage(data: data.prefix(data.count / 2)) }
    }

    @Test(arguments: ["../evil.xml", "/etc/passwd", "word/../../x.xml", "C:/x.xml", "a\\..\\b.xml", "bad\u{1B}[2Jname.xml"])
    func entriesThatLeaveThePackageAreRefused(_ name: String) throws {
        let data = try OfficeFiles.zip([("word/document.xml", "<d/>"), (name, "<x/>")])
        #expect(throws: OfficeFileError.unsafeEntry(name)) { try OfficePackage(data: data) }
        // The message never carries the raw control character.
        #expect(!OfficeFileError.unsafeEntry(name).description.contains("\u{1B}"))
    }

    @Test func aSymlinkEntryIsRefused() throws {
        let data = try OfficeFiles.zip([("word/document.xml", "<d/>")], symlinks: [("word/link.xml", "/etc/passwd")])
        #expect(throws: OfficeFileError.unsafeEntry("word/link.xml")) { try OfficePackage(data: data) }
    }

    @Test func aPartThatInflatesPastTheLimitIsStopped() throws {
        // 8 MB of one letter deflates to a few kilobytes: a small file that unpacks too far.
        let bomb = String(repeating: "a", count: 8 * 1_048_576)
        let data = try OfficeFiles.zip([("word/document.xml", bomb)])
        #expect(data.count < 100_000)
        var limits = OfficePackage.Limits()
        limits.partBytes = 1_048_576
        #expect(throws: OfficeFileError.inflatesTooMuch(part: "word/document.xml", limit: 1_048_576)) { try OfficePackage(data: data, limits: limits) }
        // Under the per-part limit but over the total: stopped while reading.
        limits.partBytes = 16 * 1_048_576
        limits.totalBytes = 4 * 1_048_576
        let package = try OfficePackage(data: data, limits: limits)
        #expect(throws: OfficeFileError.self) { _ = try package.data(of: "word/document.xml") }
    }

    @Test func tooManyEntriesAreRefused() throws {
        let parts = (0..<20).map { ("p\($0).xml", "<x/>") }
        var limits = OfficePackage.Limits()
        limits.entries = 10
        #expect(throws: OfficeFileError.tooManyEntries(count: 11, limit: 10)) { try OfficePackage(data: try OfficeFiles.zip(parts), limits: limits) }
    }

    @Test(arguments: [
        #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>"#,
        #"<?xml version="1.0"?><!-- c --><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#,
        "\u{FEFF}<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\"><r/>",
    ])
    func documentTypeDeclarationsAreRefused(_ xml: String) throws {
        let package = try OfficePackage(data: try OfficeFiles.zip([("word/document.xml", xml)]))
        #expect {
            _ = try package.xml("word/document.xml")
        } throws: { error in
            guard case OfficeFileError.badXML(let part, let reason) = error else { return false }
            return part == "word/document.xml" && reason.contains("DOCTYPE")
        }
    }

    @Test func malformedAndTooDeepXMLAreErrors() throws {
        #expect(throws: XMLTree.ParseError.self) { try XMLTree.parse(Data("<a><b></a>".utf8)) }
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(throws: XMLTree.ParseError.self) { try XMLTree.parse(Data(deep.utf8)) }
    }

    @Test func relationshipTargetsResolveAgainstTheirPart() {
        #expect(OfficePackage.resolve("numbering.xml", from: "word/document.xml") == "word/numbering.xml")
        #expect(OfficePackage.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(OfficePackage.resolve("../customXml/item1.xml", from: "word/document.xml") == "customXml/item1.xml")
    }

    @Test func theXMLReaderReadsWhatOfficeWrites() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- made by hand -->
            <w:document xmlns:w="urn:w" xmlns="urn:default" w:a='1 &amp; 2'>
              <w:p><w:t xml:space="preserve">K&#7871; ho&#x1EA1;ch &lt;1&gt; &quot;x&quot; &apos;y&apos;</w:t><?pi skip?><![CDATA[<raw> & text]]></w:p>
              <plain attr="tab	here"/>
              <inner xmlns="urn:other"><x/></inner>
            </w:document>
            """
        let root = try XMLTree.parse(Data(xml.utf8))
        #expect(root.name == "document" && root.namespace == "urn:w")
        #expect(root.attribute("a", in: "urn:w") == "1 & 2")
        let p = try #require(root.first("p", in: "urn:w"))
        #expect(p.text == "Kế hoạch <1> \"x\" 'y'<raw> & text")
        #expect(root.first("t", in: "urn:w") == nil)
        #expect(p.first("t", in: "urn:w")?.attribute("space", in: "http://www.w3.org/XML/1998/namespace") == "preserve")
        #expect(root.first("plain", in: "urn:default")?.attribute("attr") == "tab here")
        #expect(root.first("inner", in: "urn:other")?.first("x", in: "urn:other") != nil)
        // UTF-16 with its byte-order mark.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<r>Sở</r>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try XMLTree.parse(Data(utf16)).text == "Sở")
    }

    @Test(arguments: [
        ("<a>&nbsp;</a>", "the entity &nbsp; is not defined"), ("<a>&#0;</a>", "not a valid XML character"),
        ("<a b='1' b='2'/>", "appears twice"), ("<p:a/>", "the prefix `p` of <p:a> is not declared"),
        ("<a x:b='1' xmlns:x='u' xmlns:y='u' y:b='2'/>", "appears twice"), ("<a></b>", "<a> is closed by </b>"),
        ("<a/><b/>", "there is more after the root element"), ("<a b=1/>", "is not quoted"), ("<a b='<'/>", "holds a “<”"),
        ("<a><!ENTITY x 'y'></a>", "a declaration"), ("<a>\u{FF}</a>", ""), ("", "the part is empty"), ("text", "does not start with an element"),
        ("<a><!-- never closed", "a comment is never closed"), ("<1a/>", "malformed"),
    ])
    func malformedPartsAreNamed(_ xml: String, _ message: String) {
        var bytes = Array(xml.utf8)
        if xml == "<a>\u{FF}</a>" { bytes = [0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E] } // not UTF-8
        #expect {
            _ = try XMLTree.parse(Data(bytes))
        } throws: { error in
            guard let error = error as? XMLTree.ParseError else { return false }
            return error.reason.hasPrefix("line 1: ") && (message.isEmpty ? error.reason.contains("UTF-8") : error.reason.contains(message))
        }
    }

    /// Found by `scripts/fuzz docx`: a .docx whose entry points past the end of the file crashed
    /// ZIPFoundation's in-memory archive. Every part must now read or fail with an error.
    @Test func anEntryPointingPastTheEndIsAnError() throws {
        let url = Package.root.appendingPathComponent("Tests/CCHCCoreTests/Fixtures/Fuzz/docx-entry-past-end.docx")
        let data = try Data(contentsOf: url)
        if let package = try? OfficePackage(data: data) {
            for name in package.partNames { _ = try? package.xml(name) }
        }
        #expect(throws: (any Error).self) { _ = try DocxPlanReader.read(data) }
    }
}
