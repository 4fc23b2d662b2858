import Foundation
import Testing

@testable import CCHCCore

/// The escapers of Text/Escaping.swift.
struct EscapingTests {
    @Test func htmlEscapesTheFiveCharacters() {
        #expect(FastHTML.escape("Sở <Nội vụ> & \"CCHC\" 'x'") == "Sở &lt;Nội vụ&gt; &amp; &quot;CCHC&quot; &#39;x&#39;")
        #expect(FastHTML.escape("không có gì") == "không có gì")
    }

    @Test(arguments: [
        ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
        ("\"q\" 'a'", "&quot;q&quot; &apos;a&apos;"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("cr\r\n", "cr&#13;\n"),
        ("bell\u{07}esc\u{1B}", "bellesc"),
        ("nonchar\u{FFFE}\u{FFFF}end", "noncharend"),
        ("https://example.gov.vn/ke-hoach/", "https://example.gov.vn/ke-hoach/"),
    ])
    func xmlText(_ text: String, _ expected: String) {
        #expect(XML.escape(text) == expected)
    }

    @Test func xmlAttributesKeepLineEndsAndTabs() {
        #expect(XML.attribute("a\nb\tc \"d\"") == "a&#10;b&#9;c &quot;d&quot;")
    }

    @Test func whatIsEscapedParsesBackToTheText() throws {
        let text = "Kế hoạch \"số 1\" <b> & 'x'\r\nline\ttab"
        let root = try XMLTree.parse(Data("<r a=\"\(XML.attribute(text))\">\(XML.escape(text))</r>".utf8))
        #expect(root.attribute("a") == text)
        #expect(root.text == text)
    }
}
