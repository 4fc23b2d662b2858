import Foundation

/// One heading of a rendered Markdown document, as listed in a table of contents.
public struct MarkdownHeading: Sendable, Hashable {
    /// The heading level, 1 to 6.
    public var level: Int
    /// The heading's plain text: markup removed, whitespace collapsed.
    public var text: String
    /// The `id` attribute given to the heading element, unique within its document.
    public var id: String

    /// Makes a heading from its level, plain text and id.
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// The HTML of a Markdown document together with the headings found in it.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The HTML5 fragment, one block element per line as cmark-gfm writes it.
    public var html: String
    /// Every heading of the document, in document order.
    public var headings: [MarkdownHeading]

    /// Makes a rendered document from its HTML and headings.
    public init(html: String, headings: [MarkdownHeading]) {
        self.html = html
        self.headings = headings
    }
}

/// GitHub-flavoured Markdown rendering for plan texts and progress notes, backed by cmark-gfm.
///
/// Both functions are safe to call from any number of threads at once (see `CmarkGFM.swift` for
/// how the library's process-wide state is handled) and give the same bytes for the same input.
///
/// The dialect is GFM with tables, strikethrough (`~~double tildes~~` only: a single `~` is common
/// in Vietnamese plans as "about", as in `~50%`), autolinks, task lists and the tag filter; smart
/// punctuation and footnotes are off.
///
/// With `unsafeHTML == false` (the default) raw HTML blocks and inline HTML are removed from the
/// document (no placeholder comment is left), and links or images whose URL uses the `javascript:`,
/// `vbscript:`, `file:` or `data:` scheme are replaced by their text. With `unsafeHTML == true`
/// raw HTML and every URL pass through, except what the GFM tag filter neutralises (`<script>`,
/// `<style>`, `<iframe>`, `<textarea>`, `<title>`, `<xmp>`, `<noembed>`, `<noframes>`,
/// `<plaintext>`): only trusted text should be rendered that way.
public enum Markdown {
    /// Renders a plan's GitHub-flavoured Markdown to HTML.
    ///
    /// Each heading gets an `id` made by `Slug.make` from its plain text; a repeated id gets `-2`,
    /// `-3`… and a heading whose slug is empty gets `muc` (then `muc-2`…). Table cells are aligned
    /// with `style="text-align: …"`, which HTML5 allows, rather than the obsolete `align`.
    ///
    /// `headingOffset` moves headings down in the HTML (1 makes `#` an `<h2>`), so a document can sit
    /// under a page's own headings; `headings` keeps the levels as written.
    public static func render(_ text: String, unsafeHTML: Bool = false, headingOffset: Int = 0) -> RenderedMarkdown {
        CmarkGFM.renderDocument(text, unsafeHTML: unsafeHTML, headingOffset: headingOffset)
    }

    /// Renders inline Markdown (a progress note): links, emphasis, code; no surrounding <p>.
    ///
    /// The note is parsed as a document, then the inline content of all its blocks is joined,
    /// a line break between blocks, into one run of phrasing content; block markup itself (list
    /// markers, heading hashes, quote markers) does not survive, and code blocks become `<code>`.
    public static func renderInline(_ text: String, unsafeHTML: Bool = false) -> String {
        if let plain = plainInline(text) { return plain }
        // A note is inline Markdown: a leading tag must not open an HTML *block* (which safe mode
        // would drop whole, text and all). A zero-width space in front keeps it a paragraph, and
        // is removed from the output again.
        guard text.drop(while: { $0 == " " }).first == "<" else { return CmarkGFM.renderInline(text, unsafeHTML: unsafeHTML) }
        let html = CmarkGFM.renderInline("\u{200B}" + text, unsafeHTML: unsafeHTML)
        guard let range = html.range(of: "\u{200B}") else { return html }
        return html.replacingCharacters(in: range, with: "")
    }
}

extension Markdown {
    /// The HTML of a note that holds no Markdown at all, without calling cmark-gfm; nil otherwise.
    ///
    /// Most progress notes are plain sentences, and cmark-gfm parses behind one process-wide lock,
    /// so plain ones skip it. "Plain" is deliberately narrow: one line, no character that can start
    /// inline syntax, an entity, HTML or an autolink (`* _ ` [ ] < > & \ ~ ! | : @` and "www."),
    /// and no character at the start that could open a block. For such text cmark-gfm's output is
    /// the trimmed text with `"` escaped, which `MarkdownTests` checks against cmark itself.
    /// Whether `text` holds "www." in any case (what cmark-gfm's autolink extension looks for).
    private static func containsWWW(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte | 0x20 == UInt8(ascii: "w") {
                run += 1
            } else {
                if byte == UInt8(ascii: "."), run >= 3 { return true }
                run = 0
            }
        }
        return false
    }

    static func plainInline(_ text: String) -> String? {
        var quotes = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "~"),
                UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "@"), 0x0A, 0x0D, 0x09, 0x00:
                return nil
            case UInt8(ascii: "\""): quotes += 1
            default: continue
            }
        }
        let trimmed = text.trimmingSpaces
        guard let first = trimmed.unicodeScalars.first, !"#-+=0123456789".unicodeScalars.contains(first),
            !containsWWW(trimmed), !trimmed.hasSuffix("  ")
        else { return nil }
        // Runs of spaces are kept by cmark within a line; a line ending in a backslash or spaces is a hard break (excluded above).
        return quotes == 0 ? trimmed : trimmed.replacingOccurrences(of: "\"", with: "&quot;")
    }
}

// MARK: - Pure-Swift helpers (no C interop)

/// Hands out heading ids: slugs of the heading text, made unique within one document.
struct HeadingIDAllocator {
    /// The id of a heading whose text has no letters or digits ("mục", a section).
    static let fallback = "muc"

    private var used: Set<String> = []

    /// The id for a heading with plain text `text`: its slug, or `muc`, with `-2`, `-3`… if taken.
    mutating func id(for text: String) -> String {
        let slug = Slug.make(text)
        let base = slug.isEmpty ? Self.fallback : slug
        if used.insert(base).inserted { return base }
        var n = 2
        while true {
            let suffix = "-\(n)"
            // Keep the id within the slug length limit, trimming the base rather than the suffix.
            var stem = String(base.prefix(Slug.maximumLength - suffix.count))
            while stem.hasSuffix("-") { stem.removeLast() }
            let candidate = stem + suffix
            if used.insert(candidate).inserted { return candidate }
            n += 1
        }
    }
}

/// Recognises link and image URLs that must not reach the page in safe mode.
enum URLSafety {
    /// The schemes that are removed: scripts, local files and inline data.
    static let dangerousSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// Whether `url` uses a dangerous scheme once browsers' leniency is accounted for.
    ///
    /// URL parsers drop leading C0 controls and spaces and ignore tabs and newlines anywhere, and
    /// schemes are case-insensitive, so all of those are removed and ASCII is lowered before the
    /// prefix check. (Character references were already decoded by the Markdown parser.)
    static func isDangerous(_ url: String) -> Bool {
        var normalized = String.UnicodeScalarView()
        for scalar in url.unicodeScalars where scalar.value > 0x20 && scalar.value != 0x7F {
            if (0x41...0x5A).contains(scalar.value) {
                normalized.append(Unicode.Scalar(scalar.value + 0x20)!)
            } else {
                normalized.append(scalar)
            }
        }
        let lowered = String(normalized)
        return dangerousSchemes.contains { lowered.hasPrefix($0) }
    }
}

/// Collapses runs of whitespace to one space and trims the ends.
func collapsingWhitespace(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
