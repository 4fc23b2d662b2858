import Foundation
import ZIPFoundation

/// Office files made in tests: a ZIP of named parts, written with ZIPFoundation.
enum OfficeFiles {
    /// A ZIP archive holding `parts` (name → text), deflated, in the order given.
    static func zip(_ parts: [(String, String)], symlinks: [(String, String)] = []) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        for (name, target) in symlinks {
            let bytes = Data(target.utf8)
            try archive.addEntry(with: name, type: .symlink, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A minimal `.docx` whose body is `body` (WordprocessingML inside `<w:body>`), with optional
    /// numbering and footnotes parts.
    static func docx(body: String, numbering: String? = nil, footnotes: String? = nil) throws -> Data {
        var rels = #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#
        rels += #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>"#
        var parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#
            ),
            (
                "_rels/.rels",
                #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
            ),
            (
                "word/_rels/document.xml.rels",
                #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + rels
                    + "</Relationships>"
            ),
            (
                "word/document.xml",
                #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="\#(w)"><w:body>"# + body + "</w:body></w:document>"
            ),
        ]
        if let numbering {
            parts.append(("word/numbering.xml", #"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="\#(w)">"# + numbering + "</w:numbering>"))
        }
        if let footnotes {
            parts.append(("word/footnotes.xml", #"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="\#(w)">"# + footnotes + "</w:footnotes>"))
        }
        return try zip(parts)
    }

    /// A paragraph of one run, with list numbering when `num` is given.
    static func p(_ text: String, num: (id: Int, level: Int)? = nil, bold: Bool = false) -> String {
        let numPr = num.map { #"<w:pPr><w:numPr><w:ilvl w:val="\#($0.level)"/><w:numId w:val="\#($0.id)"/></w:numPr></w:pPr>"# } ?? ""
        let rPr = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>\(numPr)<w:r>\(rPr)<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }
}
