import Foundation

/// Reads a Word document (`.docx`) into a ``SourceDocument``: body paragraphs with their automatic
/// list numbers written in front (as Word shows them), tables with merged cells repeated in every
/// cell they cover, and footnotes kept apart from the body.
public enum DocxPlanReader {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    /// Reads a `.docx` file's bytes.
    public static func read(_ data: Data) throws(OfficeFileError) -> SourceDocument {
        let package = try OfficePackage(data: data)
        let documentPart = try officeDocumentPart(package)
        let root = try package.requiredXML(documentPart)
        let w = root.namespace == strictMain ? strictMain : main
        guard root.name == "document", root.namespace == w, let body = root.first("body", in: w) else {
            throw .badXML(part: documentPart, reason: "its root is not a Word document body")
        }
        let related = try relatedParts(package, of: documentPart)
        let numbering = try related["numbering"].flatMap { name throws(OfficeFileError) in try package.xml(name) }.map { Numbering($0, w: w) }
        let styles = try related["styles"].flatMap { name throws(OfficeFileError) in try package.xml(name) }.map { StyleTable($0, w: w) }
        var reader = BodyReader(w: w, numbering: numbering, styles: styles)
        reader.read(body)
        var footnotes: [String] = []
        if let part = related["footnotes"], let notes = try package.xml(part) {
            for note in notes.elements("footnote", in: w) {
                let type = note.attribute("type", in: w)
                if type == "separator" || type == "continuationSeparator" { continue }
                let text = note.elements("p", in: w).map { reader.plainText($0) }.joined(separator: " ")
                let clean = TextPlanReader.collapseSpaces(TextPlanReader.withoutControls(text))
                if !clean.isEmpty { footnotes.append(clean) }
            }
        }
        return SourceDocument(blocks: reader.blocks, footnotes: footnotes, kind: "Word document")
    }

    /// The main document part named by the package relationships (`word/document.xml` usually).
    static func officeDocumentPart(_ package: OfficePackage) throws(OfficeFileError) -> String {
        if let rels = try package.xml("_rels/.rels") {
            for rel in rels.elements("Relationship", in: relationships)
            where rel.attribute("Type")?.hasSuffix("/officeDocument") == true {
                if let target = rel.attribute("Target") {
                    let part = OfficePackage.resolve(target, from: "")
                    if package.contains(part) { return part }
                }
            }
        }
        if package.contains("word/document.xml") { return "word/document.xml" }
        if package.contains("xl/workbook.xml") {
            throw .missingPart("word/document.xml (this is an Excel workbook; a plan must be a Word document)")
        }
        throw .missingPart("word/document.xml")
    }

    /// The parts related to `part` by the last segment of their relationship type.
    static func relatedParts(_ package: OfficePackage, of part: String) throws(OfficeFileError) -> [String: String] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        var out: [String: String] = [:]
        guard let rels = try package.xml(relsName) else { return out }
        for rel in rels.elements("Relationship", in: relationships) {
            guard rel.attribute("TargetMode") != "External", let type = rel.attribute("Type"), let target = rel.attribute("Target"),
                let kind = type.split(separator: "/").last
            else { continue }
            let resolved = OfficePackage.resolve(target, from: part)
            guard OfficePackage.isSafe(resolved) else { throw .unsafeEntry(target) }
            out[String(kind)] = resolved
        }
        return out
    }

    /// Word's list definitions and the counters that number paragraphs as the document goes.
    struct Numbering {
        struct Level {
            var format = "decimal"
            var text = "%1."
            var start = 1
        }
        var abstractLevels: [String: [Int: Level]] = [:]
        var numToAbstract: [String: String] = [:]
        var startOverrides: [String: [Int: Int]] = [:]
        var counters: [String: [Int: Int]] = [:]

        init(_ root: XMLTree.Element, w: String) {
            for abstract in root.elements("abstractNum", in: w) {
                guard let id = abstract.attribute("abstractNumId", in: w) else { continue }
                var levels: [Int: Level] = [:]
                for lvl in abstract.elements("lvl", in: w) {
                    guard let ilvl = lvl.attribute("ilvl", in: w).flatMap(Int.init) else { continue }
                    var level = Level()
                    if let f = lvl.first("numFmt", in: w)?.attribute("val", in: w) { level.format = f }
                    if let t = lvl.first("lvlText", in: w)?.attribute("val", in: w) { level.text = t }
                    if let s = lvl.first("start", in: w)?.attribute("val", in: w).flatMap(Int.init) { level.start = s }
                    levels[ilvl] = level
                }
                abstractLevels[id] = levels
            }
            for num in root.elements("num", in: w) {
                guard let id = num.attribute("numId", in: w),
                    let abstract = num.first("abstractNumId", in: w)?.attribute("val", in: w)
                else { continue }
                numToAbstract[id] = abstract
                for override in num.elements("lvlOverride", in: w) {
                    if let ilvl = override.attribute("ilvl", in: w).flatMap(Int.init),
                        let start = override.first("startOverride", in: w)?.attribute("val", in: w).flatMap(Int.init)
                    {
                        startOverrides[id, default: [:]][ilvl] = start
                    }
                }
            }
        }

        /// The label of the next paragraph of list `numId` at level `ilvl`, counting it.
        mutating func next(numId: String, ilvl: Int) -> String? {
            guard numId != "0", let abstract = numToAbstract[numId], let levels = abstractLevels[abstract], let level = levels[ilvl] else { return nil }
            var counter = counters[numId] ?? [:]
            let start = startOverrides[numId]?[ilvl] ?? level.start
            counter[ilvl] = (counter[ilvl] ?? (start - 1)) + 1
            for deeper in counter.keys where deeper > ilvl { counter[deeper] = nil }
            counters[numId] = counter
            if level.format == "bullet" { return "-" }
            if level.format == "none" { return nil }
            var label = level.text
            for n in stride(from: 9, through: 1, by: -1) where label.contains("%\(n)") {
                let l = n - 1
                let value = counter[l] ?? (startOverrides[numId]?[l] ?? levels[l]?.start ?? 1)
                label = label.replacingOccurrences(of: "%\(n)", with: Self.format(value, levels[l]?.format ?? "decimal"))
            }
            return label.isEmpty ? nil : label
        }

        static func format(_ value: Int, _ format: String) -> String {
            switch format {
            case "upperRoman": return roman(value)
            case "lowerRoman": return roman(value).lowercased()
            case "lowerLetter": return letters(value)
            case "upperLetter": return letters(value).uppercased()
            case "decimalZero": return value < 10 ? "0\(value)" : "\(value)"
            default: return "\(value)"
            }
        }

        static func roman(_ value: Int) -> String {
            let table: [(Int, String)] = [
                (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
                (1, "I"),
            ]
            var v = max(1, min(value, 3999)), out = ""
            for (n, s) in table {
                while v >= n {
                    out += s
                    v -= n
                }
            }
            return out
        }

        static func letters(_ value: Int) -> String {
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
            let v = max(1, value) - 1
            return String(repeating: String(alphabet[v % 26]), count: v / 26 + 1)
        }
    }

    /// Paragraph styles: their list numbering and whether they are headings.
    struct StyleTable {
        var numbering: [String: (String, Int)] = [:]
        var headings: Set<String> = []

        init(_ root: XMLTree.Element, w: String) {
            for style in root.elements("style", in: w) {
                guard let id = style.attribute("styleId", in: w) else { continue }
                if let numPr = style.first("pPr", in: w)?.first("numPr", in: w),
                    let numId = numPr.first("numId", in: w)?.attribute("val", in: w)
                {
                    numbering[id] = (numId, numPr.first("ilvl", in: w)?.attribute("val", in: w).flatMap(Int.init) ?? 0)
                }
                let name = VietnameseFold.key(style.first("name", in: w)?.attribute("val", in: w) ?? id)
                if name.hasPrefix("heading") || name == "title" { headings.insert(id) }
            }
        }
    }

    /// Walks the body in order.
    struct BodyReader {
        let w: String
        var numbering: Numbering?
        let styles: StyleTable?
        var blocks: [SourceDocument.Block] = []
        var paragraphCount = 0
        var tableCount = 0

        init(w: String, numbering: Numbering?, styles: StyleTable?) {
            self.w = w
            self.numbering = numbering
            self.styles = styles
        }

        mutating func read(_ container: XMLTree.Element) {
            for element in container.elements {
                guard element.namespace == w else { continue }
                switch element.name {
                case "p":
                    paragraphCount += 1
                    let (text, emphasised) = paragraph(element)
                    if !text.isEmpty {
                        blocks.append(.paragraph(.init(text: text, place: .paragraph(paragraphCount), isEmphasised: emphasised)))
                    }
                case "tbl":
                    tableCount += 1
                    let rows = table(element)
                    if !rows.isEmpty {
                        let places = rows.indices.map { SourceDocument.Place.tableRow(table: tableCount, row: $0 + 1) }
                        blocks.append(.table(.init(rows: rows, places: places)))
                    }
                case "sdt":
                    if let content = element.first("sdtContent", in: w) { read(content) }
                case "customXml":
                    read(element)
                default:
                    continue
                }
            }
        }

        /// A paragraph's text with its list label, and whether it is all bold or a heading.
        mutating func paragraph(_ p: XMLTree.Element) -> (String, Bool) {
            let properties = p.first("pPr", in: w)
            let styleID = properties?.first("pStyle", in: w)?.attribute("val", in: w)
            var label: String?
            if let numPr = properties?.first("numPr", in: w), let numId = numPr.first("numId", in: w)?.attribute("val", in: w) {
                label = numbering?.next(numId: numId, ilvl: numPr.first("ilvl", in: w)?.attribute("val", in: w).flatMap(Int.init) ?? 0)
            } else if let styleID, let (numId, ilvl) = styles?.numbering[styleID] {
                label = numbering?.next(numId: numId, ilvl: ilvl)
            }
            var text = TextPlanReader.collapseSpaces(TextPlanReader.withoutControls(plainText(p).precomposedStringWithCanonicalMapping))
            if let label, !text.isEmpty { text = label + " " + text }
            let isHeading = styleID.map { styles?.headings.contains($0) ?? false } ?? false
            return (text, isHeading || allBold(p))
        }

        /// The text of runs, tabs and breaks, without deleted text, field codes or note references.
        func plainText(_ element: XMLTree.Element) -> String {
            var out = ""
            func walk(_ e: XMLTree.Element) {
                for child in e.children {
                    guard case .element(let c) = child else { continue }
                    if c.namespace == DocxPlanReader.markupCompatibility {
                        if c.name == "AlternateContent", let choice = c.first("Choice", in: DocxPlanReader.markupCompatibility) { walk(choice) }
                        continue
                    }
                    guard c.namespace == w else {
                        walk(c)
                        continue
                    }
                    switch c.name {
                    case "t": out += c.text
                    case "tab", "br", "cr": out += " "
                    case "noBreakHyphen": out += "-"
                    case "del", "delText", "instrText", "footnoteReference", "endnoteReference", "rPr", "pPr", "fldData": continue
                    case "p":
                        if !out.isEmpty { out += " " }
                        walk(c)
                    default: walk(c)
                    }
                }
            }
            walk(element)
            return out
        }

        func allBold(_ p: XMLTree.Element) -> Bool {
            var runs = 0, bold = 0
            for run in p.descendants("r", in: w) where !run.elements("t", in: w).isEmpty {
                let text = run.elements("t", in: w).map(\.text).joined()
                if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                runs += 1
                if let b = run.first("rPr", in: w)?.first("b", in: w), !["0", "false", "off"].contains(b.attribute("val", in: w) ?? "1") { bold += 1 }
            }
            return runs > 0 && bold == runs
        }

        /// The rows of a table, with horizontally merged cells repeated and vertically merged
        /// cells given the text of the cell where the merge starts.
        mutating func table(_ tbl: XMLTree.Element) -> [[String]] {
            var rows: [[String]] = []
            var above: [Int: String] = [:]
            for tr in tbl.elements("tr", in: w) {
                var row: [String] = []
                for tc in tr.elements("tc", in: w) {
                    let properties = tc.first("tcPr", in: w)
                    let span = max(1, min(properties?.first("gridSpan", in: w)?.attribute("val", in: w).flatMap(Int.init) ?? 1, 64))
                    var text = tc.elements.filter { $0.namespace == w && ($0.name == "p" || $0.name == "tbl" || $0.name == "sdt") }
                        .map { element -> String in
                            if element.name == "p" { return paragraph(element).0 }
                            return TextPlanReader.collapseSpaces(TextPlanReader.withoutControls(plainText(element)))
                        }
                        .filter { !$0.isEmpty }.joined(separator: " ")
                    if let merge = properties?.first("vMerge", in: w), merge.attribute("val", in: w) != "restart" {
                        text = above[row.count] ?? text
                    }
                    for _ in 0..<span {
                        above[row.count] = text
                        row.append(text)
                    }
                }
                if row.contains(where: { !$0.isEmpty }) { rows.append(row) }
            }
            return rows
        }
    }
}
