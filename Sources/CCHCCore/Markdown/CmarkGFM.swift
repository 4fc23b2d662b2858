import CCmarkGFM
import Foundation

// All C interop with cmark-gfm lives in this file. Each entry point parses, walks, renders and
// frees within one call; no cmark pointer is stored or escapes.
//
// Thread safety — the decision and the evidence
// =============================================
// cmark-gfm keeps two process-wide 256-entry tables in inlines.c, SPECIAL_CHARS (which bytes stop
// a text run so the inline parser looks at them) and SKIP_CHARS (bytes ignored when classifying
// emphasis delimiters). `cmark_manage_extensions_special_characters(parser, add)` (blocks.c)
// writes the characters of the parser's inline extensions into them (`~` for strikethrough,
// `:` and `w` for autolink, `|` for table) with add = 1 and clears them with add = 0, and it is
// called in pairs:
//   * in `cmark_parser_finish`, around the whole inline pass over the document: add before,
//     remove after;
//   * in the table extension's `row_from_string`, around the inline parse of every table row,
//     which happens while lines are fed, i.e. inside `cmark_parser_feed` as well.
// The remove is unconditional. So "every parser uses the same extension set" is NOT enough to
// make the tables constant: when parser A finishes a document (or just a table row) it clears
// `~` while parser B, on another thread, is half-way through its inline pass, and B then reads
// `~~x~~` as plain text (github/cmark-gfm issue 176). Nothing fails; the output is silently wrong.
// Making the tables constant does not work with the public API either: adding every extension's
// characters once and then emptying the lists with `cmark_syntax_extension_set_special_inline_chars`
// stops the add/remove writes, but the same lists are how the inline parser finds the extension
// that owns a delimiter, and `~~x~~` then makes `cmark_parser_finish` loop for ever (tried with
// 0.29.0.gfm.6, in C and in this file).
//
// Hence: `cmark_parser_feed` and `cmark_parser_finish` run under one process-wide lock
// (`parseLock`). Everything else runs outside it, which the sources show to be safe:
//   * registration of the core extensions happens once, in a `static let` initialiser (Swift runs
//     it exactly once, thread-safely); afterwards the extension registry and the extension node
//     types (CMARK_NODE_TABLE, …) are only read;
//   * `cmark_parser_new` / `cmark_parser_attach_syntax_extension` only touch the new parser;
//   * AST walking and editing touch only this call's tree;
//   * the HTML renderer (html.c and the extensions' html_render callbacks) keeps its state in the
//     per-call renderer (`renderer->opaque` for tables) and reads only constant escape tables.
// `MarkdownTests.concurrentRenderingMatchesSerialRendering` fails when the lock is removed, and so does
// `ParallelBuildTests`, a synthetic site's pages rendered on all cores as `cchc serve` renders them.
// (A full build parses its texts on one thread beside other work: see `SiteOutput`.)
enum CmarkGFM {
    /// The GFM extensions every parser gets, always the same set in the same order.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions once per process; reading it forces the registration.
    ///
    /// `cmark_gfm_core_extensions_ensure_registered` guards itself with a plain static flag, which
    /// is not thread-safe on its own; a `static let` initialiser runs exactly once, under Swift's
    /// once-lock.
    private static let coreExtensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Serialises block and inline parsing, which share cmark-gfm's global character tables. An
    /// `NSLock` rather than a `Mutex`: what it guards returns a C pointer, which is not `Sendable`.
    private static let parseLock = NSLock()

    // Node type values from cmark-gfm.h (CMARK_NODE_TYPE_MASK and friends, which are macros).
    private static let typeMask: UInt32 = 0xC000
    private static let blockTypeBits: UInt32 = 0x8000
    private static let inlineTypeBits: UInt32 = 0xC000

    // MARK: Entry points

    /// Renders a document: sanitised, with heading ids, and the list of headings.
    static func renderDocument(_ text: String, unsafeHTML: Bool, headingOffset: Int = 0) -> RenderedMarkdown {
        let options = self.options(unsafeHTML: unsafeHTML)
        return withParsedDocument(text, options: options) { root, extensions in
            var detached: [OpaquePointer] = []
            defer { for node in detached { cmark_node_free(node) } }
            if !unsafeHTML { sanitize(root, detached: &detached) }
            let headings = identifyHeadings(root, offset: headingOffset, detached: &detached)
            let html = renderHTML(root, options: options, extensions: extensions)
            return RenderedMarkdown(html: html, headings: headings)
        }
    }

    /// Renders the inline content of a note's blocks as one run of phrasing content.
    static func renderInline(_ text: String, unsafeHTML: Bool) -> String {
        let options = self.options(unsafeHTML: unsafeHTML)
        return withParsedDocument(text, options: options) { root, extensions in
            var detached: [OpaquePointer] = []
            defer { for node in detached { cmark_node_free(node) } }
            if !unsafeHTML { sanitize(root, detached: &detached) }
            guard let paragraph = flattenIntoParagraph(root) else { return "" }
            let html = renderHTML(paragraph, options: options, extensions: extensions)
            // A paragraph outside any list always renders as "<p>" + content + "</p>\n".
            let prefix = "<p>", suffix = "</p>\n"
            guard html.hasPrefix(prefix), html.hasSuffix(suffix) else {
                assertionFailure("unexpected paragraph rendering: \(html)")
                return html
            }
            return String(html.dropFirst(prefix.count).dropLast(suffix.count))
        }
    }

    // MARK: Parsing and rendering

    /// The cmark options used for both parsing and rendering.
    private static func options(unsafeHTML: Bool) -> Int32 {
        var options =
            CMARK_OPT_DEFAULT
            | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
            | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Parses `text` with the GFM extensions, lends the tree and the extension list to `body`,
    /// then frees both; neither pointer may outlive `body`.
    private static func withParsedDocument<Result>(
        _ text: String,
        options: Int32,
        _ body: (_ root: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?) -> Result
    ) -> Result {
        precondition(coreExtensionsRegistered)
        guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let ext = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm extension \(name) is not registered")
            }
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        var utf8 = text
        let root: OpaquePointer? = parseLock.withLock {
            utf8.withUTF8 { bytes in
                if let base = bytes.baseAddress, bytes.count > 0 {
                    base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        cmark_parser_feed(parser, $0, bytes.count)
                    }
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let root else { fatalError("cmark_parser_finish returned no document") }
        defer { cmark_node_free(root) }
        // The extension list belongs to the parser, which is freed after `body` returns.
        return body(root, cmark_parser_get_syntax_extensions(parser))
    }

    /// Renders `node` and its descendants to HTML.
    private static func renderHTML(
        _ node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?
    ) -> String {
        guard let cString = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    // MARK: Tree edits

    /// Removes raw HTML and replaces links and images with dangerous URLs by their content.
    ///
    /// Unlinked nodes go to `detached` and are freed by the caller after rendering: text nodes
    /// point into their paragraph's buffer, so nothing is freed while the tree is still in use.
    private static func sanitize(_ root: OpaquePointer, detached: inout [OpaquePointer]) {
        var rawHTML: [OpaquePointer] = []
        var unsafeLinks: [OpaquePointer] = []
        forEachEntered(root) { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                rawHTML.append(node)
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if URLSafety.isDangerous(url) { unsafeLinks.append(node) }
            }
        }
        var emptiedParents: [OpaquePointer] = []
        for node in rawHTML {
            if let parent = cmark_node_parent(node),
                cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH
            {
                emptiedParents.append(parent)
            }
            cmark_node_unlink(node)
            detached.append(node)
        }
        // A paragraph that held nothing but inline HTML would otherwise render as "<p></p>".
        for paragraph in Set(emptiedParents) where cmark_node_first_child(paragraph) == nil {
            cmark_node_unlink(paragraph)
            detached.append(paragraph)
        }
        for node in unsafeLinks {
            var child = cmark_node_first_child(node)
            while let current = child {
                child = cmark_node_next(current)
                let moved = cmark_node_insert_before(node, current)
                assert(moved != 0, "could not lift a link's content out of it")
            }
            cmark_node_unlink(node)
            detached.append(node)
        }
    }

    /// Gives every heading an id and returns the headings in document order.
    ///
    /// cmark renders headings without attributes, so each heading is replaced by a custom block
    /// (rendered as nothing but line breaks) holding a custom inline whose enter and exit texts are
    /// `<hN id="…">` and `</hN>`, and which takes over the heading's inline content. Custom nodes
    /// are written verbatim in safe mode too; the id is a slug, so it needs no escaping.
    private static func identifyHeadings(
        _ root: OpaquePointer, offset: Int, detached: inout [OpaquePointer]
    ) -> [MarkdownHeading] {
        var nodes: [OpaquePointer] = []
        forEachEntered(root) { node in
            if cmark_node_get_type(node) == CMARK_NODE_HEADING { nodes.append(node) }
        }
        var ids = HeadingIDAllocator()
        var headings: [MarkdownHeading] = []
        for node in nodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = plainText(of: node)
            let id = ids.id(for: text)
            headings.append(MarkdownHeading(level: level, text: text, id: id))

            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            guard let tag = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
                cmark_node_free(block)
                continue
            }
            cmark_node_set_on_enter(block, "")
            cmark_node_set_on_exit(block, "")
            let shown = min(6, max(1, level + offset))
            cmark_node_set_on_enter(tag, "<h\(shown) id=\"\(id)\">")
            cmark_node_set_on_exit(tag, "</h\(shown)>")
            cmark_node_append_child(block, tag)
            moveChildren(of: node, to: tag)
            cmark_node_replace(node, block)
            detached.append(node)
        }
        return headings
    }

    /// Moves the inline content of every block into one new paragraph appended to the document,
    /// with a hard line break between blocks, and returns that paragraph.
    private static func flattenIntoParagraph(_ root: OpaquePointer) -> OpaquePointer? {
        enum Piece { case inlines(OpaquePointer), code(String), html(String) }
        var pieces: [Piece] = []
        forEachEntered(root) { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_CODE_BLOCK {
                pieces.append(.code(literal(of: node)))
            } else if type == CMARK_NODE_HTML_BLOCK {
                pieces.append(.html(literal(of: node)))
            } else if isBlock(type), let first = cmark_node_first_child(node),
                isInline(cmark_node_get_type(first))
            {
                pieces.append(.inlines(node))
            }
        }
        guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { return nil }
        for (index, piece) in pieces.enumerated() {
            if index > 0, let lineBreak = cmark_node_new(CMARK_NODE_LINEBREAK) {
                cmark_node_append_child(paragraph, lineBreak)
            }
            switch piece {
            case .inlines(let block):
                moveChildren(of: block, to: paragraph)
            case .code(let code):
                appendLiteral(type: CMARK_NODE_CODE, code, to: paragraph)
            case .html(let html):
                appendLiteral(type: CMARK_NODE_HTML_INLINE, html, to: paragraph)
            }
        }
        // Attached to the document so that freeing the document frees it.
        cmark_node_append_child(root, paragraph)
        return paragraph
    }

    // MARK: Small helpers

    /// Calls `body` for every node of the tree under `root`, in document order, on entering it.
    private static func forEachEntered(_ root: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { body(node) }
        }
    }

    /// The plain text of a heading: text and code literals, breaks as spaces, no raw HTML.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        forEachEntered(node) { child in
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += literal(of: child)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return collapsingWhitespace(text)
    }

    /// A node's literal text without trailing line breaks (code and HTML blocks end with one).
    private static func literal(of node: OpaquePointer) -> String {
        var text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Moves all children of `source`, in order, to the end of `target`.
    private static func moveChildren(of source: OpaquePointer, to target: OpaquePointer) {
        var child = cmark_node_first_child(source)
        while let current = child {
            child = cmark_node_next(current)
            let moved = cmark_node_append_child(target, current)
            assert(moved != 0, "cmark refused to move a child node")
        }
    }

    /// Appends a new code or inline-HTML node holding `text` to `paragraph`.
    private static func appendLiteral(type: cmark_node_type, _ text: String, to paragraph: OpaquePointer) {
        guard let node = cmark_node_new(type) else { return }
        cmark_node_set_literal(node, text)
        cmark_node_append_child(paragraph, node)
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue & typeMask == blockTypeBits
    }

    private static func isInline(_ type: cmark_node_type) -> Bool {
        type.rawValue & typeMask == inlineTypeBits
    }
}
