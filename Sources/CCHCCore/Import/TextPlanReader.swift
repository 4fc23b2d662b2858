import Foundation

/// Reads plan text: text copied or extracted from a PDF (often OCR output), or Markdown.
///
/// Lines broken in the middle of a sentence are joined again; page numbers standing alone on a
/// line are dropped; lines that look like footnotes (a number, a space, then text, at no list
/// level) are kept apart; Markdown's heading marks, emphasis and tables are read for what they
/// say. The place of each paragraph is the line it starts on.
public enum TextPlanReader {
    /// The largest text accepted (plans are tens of kilobytes).
    public static let maximumBytes = 8 * 1_048_576

    /// Reads text bytes: UTF-8 (with or without BOM); a legacy Vietnamese encoding is refused by name.
    public static func read(_ data: Data, markdown: Bool, kind: String) throws(PlanImportError) -> SourceDocument {
        guard !data.isEmpty else { throw PlanImportError("the file is empty") }
        guard data.count <= maximumBytes else {
            throw PlanImportError(
                "the file is \(data.count / 1_048_576) MB; plan texts are far smaller, so files over \(maximumBytes / 1_048_576) MB are refused")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            if let legacy = LegacyEncoding.guess(bytes) {
                throw PlanImportError(
                    "the file is not UTF-8; it looks like \(legacy.displayName). Convert it to Unicode (UTF-8), e.g. with Unikey's converter, and import it again"
                )
            }
            throw PlanImportError("the file is not UTF-8 text; save it as UTF-8 and import it again")
        }
        if bytes.contains(0) { throw PlanImportError("the file holds NUL bytes, so it is not a text file; give the .docx or .pdf itself") }
        return read(text, markdown: markdown || looksLikeMarkdown(text), kind: kind)
    }

    /// Whether plain text is really Markdown (text copied from a converter keeps `#` headings and
    /// `**bold**`): a few heading or emphasis lines are enough.
    static func looksLikeMarkdown(_ text: String) -> Bool {
        var marks = 0
        for line in text.split(separator: "\n").prefix(400) {
            if line.hasPrefix("#") && line.drop(while: { $0 == "#" }).first == " " { marks += 1 }
            if line.hasPrefix("**") || line.hasPrefix("|---") || line.hasPrefix("| ---") { marks += 1 }
        }
        return marks >= 3
    }

    /// Reads text already decoded.
    public static func read(_ text: String, markdown: Bool, kind: String) -> SourceDocument {
        let lines = text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [SourceDocument.Block] = []
        var footnotes: [String] = []
        var current: SourceDocument.Paragraph?
        var pendingTable: SourceDocument.Table?
        var sawBlank = false
        // Hard-wrapped text (OCR, pdftotext) breaks lines near one width; a line well short of it
        // ended its paragraph, so a capitalised line after it starts a new one.
        let lengths = lines.map { $0.count }.filter { $0 > 0 && $0 <= 200 }.sorted()
        let wrapWidth = lengths.isEmpty ? 0 : lengths[lengths.count * 9 / 10]
        var lastLineLength = 0

        func flush() {
            if let p = current, !p.text.isEmpty { blocks.append(.paragraph(p)) }
            current = nil
        }
        func flushTable() {
            if let t = pendingTable, !t.rows.isEmpty { blocks.append(.table(t)) }
            pendingTable = nil
        }

        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = withoutControls(raw.replacingOccurrences(of: "\u{00A0}", with: " "))
            line = collapseSpaces(line)
            if line.isEmpty {
                sawBlank = true
                continue
            }
            if markdown, line.hasPrefix("|") {
                flush()
                let cells = tableCells(line)
                if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } && !$0.isEmpty }) { continue }
                if pendingTable == nil { pendingTable = SourceDocument.Table(rows: [], places: []) }
                pendingTable!.rows.append(cells)
                pendingTable!.places.append(.line(number))
                continue
            }
            flushTable()
            if isPageNumber(line) { continue }
            var emphasised = false
            // Emphasis marks survive copying from converters even in plain text; they never carry meaning here.
            (line, emphasised) = stripMarkdown(line, headings: markdown)
            if line.isEmpty { continue }
            if isFootnote(line) && current != nil {
                footnotes.append(line)
                continue
            }
            let startsItem = Outline.marker(in: line) != nil
            let endedShort = wrapWidth >= 40 && lastLineLength < wrapWidth * 3 / 4 && line.first?.isUppercase == true
            let isCapitals = line.count >= 3 && line == line.uppercased() && line.contains(where: \.isLetter) && line.first?.isLetter == true
            defer { lastLineLength = raw.count }
            if var p = current, !startsItem, !endedShort, !isCapitals, continues(p.text, with: line, afterBlank: sawBlank) {
                p.text += " " + line
                current = p
            } else {
                flush()
                current = SourceDocument.Paragraph(text: line, place: .line(number), isEmphasised: emphasised)
            }
            sawBlank = false
        }
        flush()
        flushTable()
        return SourceDocument(blocks: blocks, footnotes: footnotes, kind: kind)
    }

    /// Whether `next` carries on the paragraph `text` (a line broken mid-sentence, or a page
    /// break inside a sentence).
    static func continues(_ text: String, with next: String, afterBlank: Bool) -> Bool {
        guard let first = next.first else { return false }
        if first.isLowercase { return true }
        if afterBlank { return false }
        guard let last = text.last else { return false }
        if ".:;!?".contains(last) { return false }
        // Headings in capitals end without punctuation; a capitalised line after one starts anew.
        if text == text.uppercased() && text.count < 200 { return false }
        return first.isLetter || first.isNumber || first == "(" || first == "\""
    }

    /// A line that is only a page number: "12", "- 12 -", "Trang 3", "3/12".
    static func isPageNumber(_ line: String) -> Bool {
        var core = line.trimmingCharacters(in: CharacterSet(charactersIn: "-–— "))
        let folded = VietnameseFold.key(core)
        if folded.hasPrefix("trang ") { core = String(core.dropFirst(6)) }
        if core.isEmpty || core.count > 7 { return false }
        return core.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "/") } && core.first!.isNumber
    }

    /// A footnote line: a number, a space and text, with no list dot ("1 Quyết định số ...").
    static func isFootnote(_ line: String) -> Bool {
        guard let first = line.first, first.isNumber else { return false }
        let digits = line.prefix { $0.isNumber }
        guard digits.count <= 2 else { return false }
        let rest = line.dropFirst(digits.count)
        guard rest.first == " ", let next = rest.dropFirst().first else { return false }
        return next.isUppercase
    }

    /// The text with tabs, control characters and line separators as spaces: they carry nothing a
    /// plan needs, and would otherwise reach YAML (which refuses most of them) and the terminal.
    static func withoutControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            out.append(isControl ? " " : scalar)
        }
        return String(out)
    }

    static func collapseSpaces(_ line: String) -> String {
        var out = ""
        var space = false
        for c in line {
            if c == " " {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(c)
        }
        return out
    }

    /// Drops Markdown heading marks, emphasis and quote marks; says whether the line was all bold
    /// or a heading.
    static func stripMarkdown(_ line: String, headings: Bool = true) -> (String, Bool) {
        var text = Substring(line)
        var emphasised = false
        while headings && text.hasPrefix(">") { text = text.dropFirst().drop { $0 == " " } }
        if headings && text.hasPrefix("#") {
            let hashes = text.prefix { $0 == "#" }
            if hashes.count <= 6, text.dropFirst(hashes.count).first == " " || text.count == hashes.count {
                text = text.dropFirst(hashes.count).drop { $0 == " " }
                emphasised = true
            }
        }
        let trimmed = String(text)
        if trimmed.hasPrefix("**") && trimmed.hasSuffix("**") && trimmed.count > 4 { emphasised = true }
        var out = trimmed.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        // Single emphasis marks around words: *text* → text (a lone "* " bullet stays a bullet).
        if out.hasPrefix("* ") { out = "- " + out.dropFirst(2) }
        out = out.replacingOccurrences(of: "*", with: "")
        out = out.replacingOccurrences(of: "\\", with: "")
        return (collapseSpaces(out.trimmingCharacters(in: .whitespaces)), emphasised)
    }

    static func tableCells(_ line: String) -> [String] {
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
            stripMarkdown(String($0).trimmingCharacters(in: .whitespaces)).0
        }
        if cells.first == "" { cells.removeFirst() }
        if cells.last == "" { cells.removeLast() }
        return cells
    }
}
