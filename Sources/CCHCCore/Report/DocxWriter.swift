/// Writes a ``WordDocument`` as a `.docx` (WordprocessingML in a deflated ZIP).
///
/// The parts are few and fixed (content types, relationships, document, styles, settings, the
/// page-number header, core properties) and written in a fixed order by ``ZipWriter`` with one
/// date, so the same document always gives the same bytes. Every piece of text goes through the
/// site's one XML escaper (``XML/escape(_:)``). Elements are written in the order the schema
/// (ECMA-376) requires, which Word checks and LibreOffice does not.
enum DocxWriter {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The `.docx` bytes, every entry stamped `date`.
    static func bytes(_ document: WordDocument, date: Day) throws -> [UInt8] {
        try ZipWriter.archive(parts(document).map { .file($0.name, Array($0.text.utf8)) }, date: date, method: .deflated)
    }

    /// The parts, by name, in the order they are packed.
    static func parts(_ document: WordDocument) -> [(name: String, text: String)] {
        [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("docProps/core.xml", core(document)),
            ("word/document.xml", body(document)),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", styles(document)),
            ("word/settings.xml", settings),
            ("word/header1.xml", pageNumberHeader),
        ]
    }

    // MARK: - Package parts

    static let contentTypes =
        declaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        + "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "</Types>"

    static let rootRelationships =
        declaration
        + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    static let documentRelationships =
        declaration
        + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(relationships)/settings\" Target=\"settings.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationships)/header\" Target=\"header1.xml\"/>"
        + "</Relationships>"

    /// The title and language; no dates or names of people, so nothing varies between runs.
    static func core(_ document: WordDocument) -> String {
        declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(XML.escape(document.title))</dc:title><dc:creator>cchc</dc:creator>"
            + "<dc:language>\(XML.escape(document.languageTag))</dc:language></cp:coreProperties>"
    }

    /// Times New Roman everywhere, the body size, single spacing, and a plain table style.
    static func styles(_ document: WordDocument) -> String {
        let font = XML.escape(document.font)
        return declaration + "<w:styles xmlns:w=\"\(main)\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:eastAsia=\"\(font)\" w:cs=\"\(font)\"/>"
            + "<w:sz w:val=\"\(document.fontSize)\"/><w:szCs w:val=\"\(document.fontSize)\"/>"
            + "<w:lang w:val=\"\(XML.escape(document.languageTag))\" w:eastAsia=\"\(XML.escape(document.languageTag))\"/>"
            + "</w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/></w:style>"
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
            + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }

    static let settings =
        declaration
        + "<w:settings xmlns:w=\"\(main)\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
        + "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "</w:settings>"

    /// The page number, centred at the top; the section's title page leaves it off page 1.
    static let pageNumberHeader =
        declaration
        + "<w:hdr xmlns:w=\"\(main)\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>"

    // MARK: - The body

    /// `word/document.xml`.
    static func body(_ document: WordDocument) -> String {
        var out = declaration + "<w:document xmlns:w=\"\(main)\" xmlns:r=\"\(relationships)\"><w:body>"
        var lastWasTable = false
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                write(paragraph, into: &out)
                lastWasTable = false
            case .table(let table):
                write(table, into: &out)
                lastWasTable = true
            }
        }
        // Word wants a paragraph between a table and the section's end.
        if lastWasTable || document.blocks.isEmpty { out += "<w:p/>" }
        out += "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
        out += "<w:pgSz w:w=\"\(WordDocument.pageWidth)\" w:h=\"\(WordDocument.pageHeight)\"/>"
        out += "<w:pgMar w:top=\"\(WordDocument.marginTop)\" w:right=\"\(WordDocument.marginRight)\" w:bottom=\"\(WordDocument.marginBottom)\" "
        out += "w:left=\"\(WordDocument.marginLeft)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        out += "<w:titlePg/></w:sectPr></w:body></w:document>"
        return out
    }

    /// A `w:p`; its properties in schema order.
    static func write(_ paragraph: WordDocument.Paragraph, into out: inout String) {
        out += "<w:p><w:pPr>"
        if paragraph.keepWithNext { out += "<w:keepNext/>" }
        if paragraph.rule { out += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>" }
        out += "<w:spacing w:before=\"\(paragraph.before)\" w:after=\"\(paragraph.after)\""
        if let line = paragraph.line { out += " w:line=\"\(line)\" w:lineRule=\"auto\"" }
        out += "/>"
        if paragraph.left != 0 || paragraph.right != 0 || paragraph.firstLine != 0 {
            out += "<w:ind w:left=\"\(paragraph.left)\" w:right=\"\(paragraph.right)\" w:firstLine=\"\(paragraph.firstLine)\"/>"
        }
        out += "<w:jc w:val=\"\(paragraph.alignment.rawValue)\"/>"
        if let level = paragraph.outlineLevel { out += "<w:outlineLvl w:val=\"\(level)\"/>" }
        // The mark's size follows the runs', so an empty rule paragraph stays thin.
        if let size = paragraph.runs.first?.size { out += "<w:rPr><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr>" }
        out += "</w:pPr>"
        for run in paragraph.runs { write(run, into: &out) }
        out += "</w:p>"
    }

    /// One `w:r` per line of the run's text, joined by `w:br`.
    static func write(_ run: WordDocument.Run, into out: inout String) {
        guard !run.text.isEmpty else { return }
        var properties = ""
        if run.bold { properties += "<w:b/><w:bCs/>" }
        if run.italic { properties += "<w:i/><w:iCs/>" }
        if let size = run.size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        out += "<w:r>"
        if !properties.isEmpty { out += "<w:rPr>\(properties)</w:rPr>" }
        for (index, line) in run.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { out += "<w:br/>" }
            if !line.isEmpty { out += "<w:t xml:space=\"preserve\">\(XML.escape(String(line)))</w:t>" }
        }
        out += "</w:r>"
    }

    /// A `w:tbl` with a fixed grid, so Word and LibreOffice lay it out alike.
    static func write(_ table: WordDocument.Table, into out: inout String) {
        out += "<w:tbl><w:tblPr><w:tblW w:w=\"\(table.width)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        let edge = table.bordered ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "w:val=\"nil\""
        out += "<w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { out += "<w:\(side) \(edge)/>" }
        out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"\(table.cellMargin)\" w:type=\"dxa\"/><w:right w:w=\"\(table.cellMargin)\" w:type=\"dxa\"/></w:tblCellMar>"
        out += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        out += "</w:tblPr><w:tblGrid>"
        for width in table.widths { out += "<w:gridCol w:w=\"\(width)\"/>" }
        out += "</w:tblGrid>"
        for row in table.rows {
            out += "<w:tr><w:trPr><w:cantSplit/>"
            if row.isHeader { out += "<w:tblHeader/>" }
            out += "</w:trPr>"
            var column = 0
            for cell in row.cells {
                let span = max(1, min(cell.span, table.widths.count - column))
                let width = table.widths[column..<min(column + span, table.widths.count)].reduce(0, +)
                column += span
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                if span > 1 { out += "<w:gridSpan w:val=\"\(span)\"/>" }
                out += "<w:vAlign w:val=\"\(table.bordered ? "center" : "top")\"/></w:tcPr>"
                // A cell must hold at least one paragraph.
                if cell.paragraphs.isEmpty { out += "<w:p/>" }
                for paragraph in cell.paragraphs { write(paragraph, into: &out) }
                out += "</w:tc>"
            }
            out += "</w:tr>"
        }
        out += "</w:tbl>"
    }
}
