import Foundation

/// Reads the sheets of an `.xlsx` workbook into ``CellGrid``s through the hardened
/// ``OfficePackage`` and ``XMLTree``: relationships to find the parts, shared and inline strings,
/// cell types, and the styles that tell a date or a percentage from a plain number.
enum XLSXReader {
    /// One sheet.
    struct Sheet {
        var name: String
        /// `hidden` or `veryHidden` in the workbook.
        var hidden: Bool
        var grid: CellGrid
    }

    static let transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let documentRelationships = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ]

    /// Every sheet of the workbook, in the workbook's order.
    static func sheets(_ package: OfficePackage) throws(OfficeFileError) -> [Sheet] {
        let workbookPart = try workbookPath(package)
        let workbook = try package.requiredXML(workbookPart)
        let ns = workbook.namespace
        guard workbook.name == "workbook", ns == transitional || ns == strict else {
            throw .missingPart("xl/workbook.xml")
        }
        let date1904 = workbook.first("workbookPr", in: ns).map { ["1", "true"].contains($0.attribute("date1904") ?? "") } ?? false
        let rels = try relationships(package, of: workbookPart)
        var shared: [String] = []
        var styles = Styles()
        for (type, target) in rels.values {
            if type.hasSuffix("/sharedStrings"), let root = try package.xml(target) {
                shared = root.elements("si", in: ns).map(richText)
            } else if type.hasSuffix("/styles"), let root = try package.xml(target) {
                styles = Styles(root, ns: ns)
            }
        }
        var out: [Sheet] = []
        for sheet in workbook.first("sheets", in: ns)?.elements("sheet", in: ns) ?? [] {
            let name = sheet.attribute("name") ?? ""
            let id = documentRelationships.lazy.compactMap { sheet.attribute("id", in: $0) }.first ?? ""
            guard let (type, target) = rels[id], type.hasSuffix("/worksheet") else { continue }
            let root = try package.requiredXML(target)
            var grid = CellGrid(source: .sheet(name))
            grid.date1904 = date1904
            readCells(root, ns: ns, shared: shared, styles: styles, into: &grid)
            let state = sheet.attribute("state") ?? "visible"
            out.append(Sheet(name: name, hidden: state != "visible", grid: grid))
        }
        return out
    }

    /// The workbook part, from the package's relationships (`xl/workbook.xml` when they say nothing).
    static func workbookPath(_ package: OfficePackage) throws(OfficeFileError) -> String {
        if let root = try package.xml("_rels/.rels") {
            for relationship in root.elements("Relationship", in: packageRelationships)
            where (relationship.attribute("Type") ?? "").hasSuffix("/officeDocument") {
                if let target = relationship.attribute("Target") { return OfficePackage.resolve(target, from: "") }
            }
        }
        return "xl/workbook.xml"
    }

    /// A part's relationships: id → (type, resolved target).
    static func relationships(_ package: OfficePackage, of part: String) throws(OfficeFileError) -> [String: (String, String)] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let root = try package.xml(relsPath) else { throw .missingPart(relsPath) }
        var out: [String: (String, String)] = [:]
        for relationship in root.elements("Relationship", in: packageRelationships) {
            guard let id = relationship.attribute("Id"), let target = relationship.attribute("Target"),
                relationship.attribute("TargetMode") != "External"
            else { continue }
            out[id] = (relationship.attribute("Type") ?? "", OfficePackage.resolve(target, from: part))
        }
        return out
    }

    /// The text of a shared string or inline string: plain `<t>`, or the runs' `<t>`s; phonetic
    /// guides (`<rPh>`) are not part of the text.
    static func richText(_ element: XMLTree.Element) -> String {
        var out = ""
        for child in element.elements {
            switch child.name {
            case "t": out += child.text
            case "r": for t in child.elements where t.name == "t" { out += t.text }
            default: continue
            }
        }
        return out
    }

    /// Which cell styles (`s`) format numbers as dates or percentages.
    struct Styles {
        var kinds: [CellGrid.NumberKind] = []

        init() {}

        init(_ root: XMLTree.Element, ns: String) {
            var custom: [Int: String] = [:]
            for format in root.first("numFmts", in: ns)?.elements("numFmt", in: ns) ?? [] {
                if let id = format.attribute("numFmtId").flatMap(Int.init), let code = format.attribute("formatCode") { custom[id] = code }
            }
            for xf in root.first("cellXfs", in: ns)?.elements("xf", in: ns) ?? [] {
                let id = xf.attribute("numFmtId").flatMap(Int.init) ?? 0
                kinds.append(Styles.kind(id: id, code: custom[id]))
            }
        }

        /// Built-in formats 14–22 and 45–47 are dates and times, 9–10 percentages; a custom code
        /// is a percentage with `%` and a date with `d` or `y` outside quotes and brackets.
        static func kind(id: Int, code: String?) -> CellGrid.NumberKind {
            if let code {
                var plain = ""
                var inQuote = false, inBracket = false, escaped = false
                for character in code {
                    if escaped {
                        escaped = false
                        continue
                    }
                    switch character {
                    case "\\": escaped = true
                    case "\"": inQuote.toggle()
                    case "[": if !inQuote { inBracket = true }
                    case "]": if !inQuote { inBracket = false }
                    default: if !inQuote && !inBracket { plain.append(character) }
                    }
                }
                let lower = plain.lowercased()
                if lower.contains("%") { return .percent }
                if lower.contains("d") || lower.contains("y") { return .date }
                return .plain
            }
            switch id {
            case 9, 10: return .percent
            case 14...22, 45...47: return .date
            default: return .plain
            }
        }

        func kind(_ style: Int) -> CellGrid.NumberKind { style >= 0 && style < kinds.count ? kinds[style] : .plain }
    }

    /// Reads `<sheetData>`. Rows and cells without `r` follow the one before.
    static func readCells(_ root: XMLTree.Element, ns: String, shared: [String], styles: Styles, into grid: inout CellGrid) {
        guard let data = root.first("sheetData", in: ns) else { return }
        var rowNumber = 0
        for row in data.elements("row", in: ns) {
            rowNumber = row.attribute("r").flatMap(Int.init) ?? rowNumber + 1
            var column = 0
            var cells: [Int: CellGrid.Value] = [:]
            for cell in row.elements("c", in: ns) {
                if let reference = cell.attribute("r"), let parsed = CellReference.parse(reference) {
                    column = parsed.column
                } else {
                    column += 1
                }
                let raw = cell.first("v", in: ns)?.text
                var value: CellGrid.Value?
                switch cell.attribute("t") ?? "n" {
                case "s":
                    if let index = raw.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), index >= 0, index < shared.count {
                        value = .text(shared[index])
                    }
                case "inlineStr":
                    value = cell.first("is", in: ns).map { .text(richText($0)) }
                case "str", "d":
                    value = raw.map { .text($0) }
                case "b":
                    value = raw.map { .bool($0.trimmingCharacters(in: .whitespaces) == "1") }
                case "e":
                    value = raw.map { .error($0) }
                default:
                    if let raw, let number = Double(raw.trimmingCharacters(in: .whitespaces)) {
                        value = .number(number, styles.kind(cell.attribute("s").flatMap(Int.init) ?? 0))
                    }
                }
                if let value { cells[column] = value }
            }
            if !cells.isEmpty { grid.cells[rowNumber] = cells }
        }
    }
}
