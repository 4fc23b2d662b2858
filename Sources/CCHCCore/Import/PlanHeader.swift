import Foundation

/// What the header of a Vietnamese administrative document says: the issuing body, the number
/// ("Số: 57/KH-UBND"), the place and date ("Quảng Trị, ngày 03 tháng 4 năm 2024"), the kind
/// ("KẾ HOẠCH") and the title, and the plan it carries out ("Căn cứ Kế hoạch số …").
///
/// Blanks left in an unsigned draft ("Số: /KH-UBND", "ngày tháng 6 năm 2024") are recorded as
/// blanks, never filled in.
public struct PlanHeader: Sendable {
    /// The number, e.g. `57/KH-UBND`, when the document gives one.
    public var number: String?
    /// The number's suffix even when the number itself is blank (`KH-UBND`).
    public var numberSuffix: String?
    /// Where the number line is.
    public var numberPlace: SourceDocument.Place?
    /// The date of issue, when complete.
    public var issued: Day?
    /// The date line as written, and where it is.
    public var dateText: String?
    public var datePlace: SourceDocument.Place?
    /// The title.
    public var title: String?
    public var titlePlace: SourceDocument.Place?
    /// The agency named in the header block.
    public var issuer: AgencyID?
    /// How many leading blocks the header takes; the body starts after them.
    public var bodyStart = 0
    /// The plans the text says it carries out: number, and date when given.
    public var cited: [(number: String, issued: Day?, place: SourceDocument.Place)] = []

    /// Reads the header from the first blocks of a document.
    init(_ document: SourceDocument, matcher: AgencyMatcher, lenient: Bool) {
        let blocks = document.blocks
        var kindIndex: Int?
        var headerMentions: [AgencyID] = []
        let limit = min(blocks.count, 40)
        scan: for index in 0..<limit {
            let texts: [(String, SourceDocument.Place)]
            switch blocks[index] {
            case .paragraph(let p): texts = [(p.text, p.place)]
            case .table(let t):
                // Header blocks are often a two-column table: body and number left, motto and date right.
                texts = zip(t.rows, t.places).flatMap { row, place in row.map { ($0, place) } }
            }
            for (text, place) in texts {
                let folded = VietnameseFold.key(text)
                if Outline.marker(in: text)?.kind == .part { break scan }
                if number == nil && numberSuffix == nil, let m = DeadlineReader.matches(Self.numberPattern, in: folded).first {
                    let digits = m[1] ?? ""
                    let suffix = Self.original(text, folded: folded, range: m.range).split(separator: "/").dropFirst().joined(separator: "/")
                    let cleanSuffix = suffix.replacingOccurrences(of: " ", with: "").trimmingCharacters(in: CharacterSet(charactersIn: ".,;:")).uppercased()
                    numberSuffix = cleanSuffix.isEmpty ? nil : cleanSuffix
                    if !digits.isEmpty, let suffix = numberSuffix { number = "\(Int(digits) ?? 0)/\(suffix)" }
                    numberPlace = place
                }
                if dateText == nil, let m = DeadlineReader.matches(Self.datePattern, in: folded).first {
                    dateText = Self.original(text, folded: folded, range: m.range)
                    datePlace = place
                    if let d = m[1].flatMap(Int.init), let mo = m[2].flatMap(Int.init), let y = m[3].flatMap(Int.init) {
                        issued = Day(year: y, month: mo, day: d)
                    }
                }
                let trimmed = folded.trimmingCharacters(in: CharacterSet(charactersIn: " .:"))
                if trimmed == "ke hoach" || (trimmed.hasPrefix("ke hoach ") && text.prefix(8) == text.prefix(8).uppercased()) {
                    kindIndex = index
                    // The title may follow on the same line ("KẾ HOẠCH Thực hiện …").
                    let rest = String(text.dropFirst(8)).trimmingCharacters(in: .whitespaces)
                    if !rest.isEmpty {
                        title = rest
                        titlePlace = place
                    }
                    break scan
                }
                // The issuing body stands above the number and the date.
                if dateText == nil && !folded.hasPrefix("cong hoa") && !folded.hasPrefix("doc lap") {
                    for mention in matcher.mentions(in: text, lenient: lenient) {
                        if case .agency(let id) = mention.target { headerMentions.append(id) }
                    }
                }
            }
        }
        if let kindIndex {
            var j = kindIndex + 1
            if title == nil, j < blocks.count, case .paragraph(let p) = blocks[j] {
                title = p.text
                titlePlace = p.place
                j += 1
            }
            // A title broken over paragraphs: the next ones carry on while they start in lower case.
            while j < blocks.count, case .paragraph(let p) = blocks[j], let first = p.text.first, first.isLowercase,
                Self.isTitleLine(p.text), (title?.count ?? 0) < 400
            {
                title = (title ?? "") + " " + p.text
                j += 1
            }
            bodyStart = j
        } else {
            bodyStart = Self.firstPart(blocks) ?? 0
        }
        if let t = title {
            var clean = t.trimmingCharacters(in: CharacterSet(charactersIn: " .:"))
            for prefix in ["Về việc ", "V/v ", "v/v "] where clean.hasPrefix(prefix) { clean = String(clean.dropFirst(prefix.count)) }
            title = clean.isEmpty ? nil : clean
        }
        issuer = headerMentions.last
        // Plans carried out: "Căn cứ Kế hoạch số 386/KH-UBND ngày 08/6/2024".
        for block in blocks {
            guard case .paragraph(let p) = block else { continue }
            let folded = VietnameseFold.key(p.text)
            guard folded.contains("ke hoach so") else { continue }
            for m in DeadlineReader.matches(Self.citedPlan, in: folded) {
                guard let digits = m[1], let suffixRange = Range(uncheckedBounds: (m.range.lowerBound, m.range.upperBound)) as Range<String.Index>? else {
                    continue
                }
                let original = Self.original(p.text, folded: folded, range: suffixRange)
                guard let slash = original.firstIndex(of: "/") else { continue }
                let suffix = original[original.index(after: slash)...].prefix { !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != ")" }
                var day: Day?
                if let d = m[3].flatMap(Int.init), let mo = m[4].flatMap(Int.init), let y = m[5].flatMap(Int.init) { day = Day(year: y, month: mo, day: d) }
                cited.append(("\(Int(digits) ?? 0)/\(suffix.uppercased())", day, p.place))
            }
        }
    }

    private func blockPlace(_ block: SourceDocument.Block) -> SourceDocument.Place? {
        if case .paragraph(let p) = block { return p.place }
        return nil
    }

    /// Whether a paragraph after "KẾ HOẠCH" can still be the title (not the start of the body).
    static func isTitleLine(_ text: String) -> Bool {
        let folded = VietnameseFold.key(text)
        for start in ["can cu", "thuc hien ", "de ", "nham ", "tren co so", "theo ", "sau khi"] where folded.hasPrefix(start) { return false }
        if let marker = Outline.marker(in: text), marker.kind != .dash { return false }
        return !folded.hasPrefix("-") && !folded.hasPrefix("so:")
    }

    static func firstPart(_ blocks: [SourceDocument.Block]) -> Int? {
        blocks.firstIndex { if case .paragraph(let p) = $0 { return Outline.marker(in: p.text)?.kind == .part } else { return false } }
    }

    /// The original text under a range of its folded form (folding keeps one character per character).
    static func original(_ text: String, folded: String, range: Range<String.Index>) -> String {
        let start = folded.distance(from: folded.startIndex, to: range.lowerBound)
        let length = folded.distance(from: range.lowerBound, to: range.upperBound)
        guard let s = text.index(text.startIndex, offsetBy: start, limitedBy: text.endIndex),
            let e = text.index(s, offsetBy: length, limitedBy: text.endIndex)
        else { return String(folded[range]) }
        return String(text[s..<e])
    }

    static let numberPattern = try! NSRegularExpression(pattern: "\\bs[o06e]\\s*:?\\s*(\\d{0,5})\\s*/\\s*([a-z0-9&]+(?:\\s*-\\s*[a-z0-9&]+)*)")
    static let datePattern = try! NSRegularExpression(pattern: "ngay\\s*(\\d{1,2})?\\s*thang\\s*(\\d{1,2})?\\s*nam\\s*(\\d{4})")
    static let citedPlan = try! NSRegularExpression(
        pattern: "ke hoach so\\s*(\\d{1,5})\\s*/\\s*[a-z0-9&\\-]+(\\s*ngay\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4}))?")
}
