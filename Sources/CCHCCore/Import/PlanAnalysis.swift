import Foundation

/// The tasks of a plan document: its outline read into a tree, then one task per assignment.
///
/// Where assignments are (the domain guide, §5): "Nhiệm vụ, giải pháp" and "Tổ chức thực hiện"
/// parts and the appendix tables; the aims ("Mục đích, yêu cầu"), the closing ("Trên đây là…")
/// and the distribution list ("Nơi nhận") assign nothing. What makes one task:
/// - an item under an agency heading (`2.3. Sở Tài chính` then `- Chủ trì …`), each bullet or
///   numbered item a task led by that agency, unless the item names its own subject;
/// - an agency-and-duty paragraph (`3.4. Sở Xây dựng: Tiếp tục …`);
/// - an item that names its lead in the sentence ("Sở TT&TT có trách nhiệm chủ trì, phối hợp
///   với …"), with the agencies after "phối hợp với" as support;
/// - a row of a table with a task column and a lead column.
struct PlanAnalysis {
    /// A paragraph in the outline.
    final class Node {
        let marker: Outline.Marker?
        let text: String
        let place: SourceDocument.Place
        let emphasised: Bool
        var children: [Node] = []
        var section: String
        /// The block's position in the document, to keep tasks in reading order.
        var order = 0

        init(marker: Outline.Marker?, text: String, place: SourceDocument.Place, emphasised: Bool, section: String) {
            self.marker = marker
            self.text = text
            self.place = place
            self.emphasised = emphasised
            self.section = section
        }

        /// The text after the marker.
        var rest: String { marker?.rest ?? text }
    }

    /// What kind of part of the plan a heading opens.
    enum Part { case tasks, aims, background, funding }

    /// Who a task or heading names.
    struct Agencies: Hashable {
        var targets: [AgencyMatcher.Target] = []
        var unknown: [String] = []
        var fuzzy = false
        var isEmpty: Bool { targets.isEmpty && unknown.isEmpty }
    }

    let site: LoadedSite
    let matcher: AgencyMatcher
    let lenient: Bool
    let issued: Day?
    let issuer: AgencyID?
    var tasks: [PlanImport.ImportedTask] = []
    var review: [PlanImport.ReviewItem] = []
    var newAgencies: [PlanImport.NewAgency] = []
    var indexIDs: [String] = []
    private var usedIDs: Set<String> = []
    /// The reading-order key of the task being made, and each task's key.
    private var currentOrder = 0
    private var orders: [Int] = []

    let indexNames: [IndexNames]

    init(site: LoadedSite, matcher: AgencyMatcher, lenient: Bool, issued: Day?, issuer: AgencyID?) {
        self.indexNames = IndexNames.of(site.site)
        self.site = site
        self.matcher = matcher
        self.lenient = lenient
        self.issued = issued
        self.issuer = issuer
    }

    // MARK: - The outline

    /// Reads the body into a forest of outline nodes and a list of tables with their context,
    /// stopping at the closing and resuming at an appendix.
    mutating func run(_ document: SourceDocument, from start: Int) {
        let roots = Node(marker: nil, text: "", place: .line(0), emphasised: false, section: "")
        var stack: [Node] = [roots]
        var inClosing = false
        var appendix: String?
        var appendixContext: [String] = []
        var part = "", item = "", point = ""
        for (blockIndex, block) in document.blocks.enumerated().dropFirst(start) {
            switch block {
            case .paragraph(let p):
                let folded = VietnameseFold.key(p.text)
                if Self.isAppendixTitle(folded, text: p.text) {
                    inClosing = false
                    appendix = Self.appendixLabel(p.text)
                    appendixContext = indexReferences(in: p.text)
                    stack = [roots]
                    continue
                }
                if appendix != nil {
                    // Lines under an appendix title name what its table is about.
                    appendixContext += indexReferences(in: p.text)
                    continue
                }
                if Self.isClosing(folded) { inClosing = true }
                if inClosing { continue }
                guard let marker = Outline.marker(in: p.text) else {
                    let node = Node(marker: nil, text: p.text, place: p.place, emphasised: p.isEmphasised, section: stack.last!.section)
                    node.order = blockIndex * 10_000
                    stack.last!.children.append(node)
                    continue
                }
                while stack.count > 1, let top = stack.last!.marker, top.kind >= marker.kind { stack.removeLast() }
                // The section path: part, the deepest number, the point letter.
                switch marker.kind {
                case .part:
                    part = marker.label
                    item = ""
                    point = ""
                case .item, .subitem, .subsubitem:
                    item = marker.label
                    point = ""
                case .point: point = marker.label
                case .dash, .plus: break
                }
                let section = [part, item, point].filter { !$0.isEmpty }.joined(separator: ".")
                let node = Node(marker: marker, text: p.text, place: p.place, emphasised: p.isEmphasised, section: section)
                node.order = blockIndex * 10_000
                stack.last!.children.append(node)
                stack.append(node)
            case .table(let t):
                if inClosing && appendix == nil { continue }
                let context = appendix != nil ? appendixContext : stack.flatMap { indexReferences(in: $0.text) }
                currentOrder = blockIndex * 10_000
                readTable(t, label: appendix, context: context, agencies: nil)
            }
        }
        for child in roots.children { visit(child, agencies: nil, context: [], part: .tasks, partSeen: false) }
        // Tables were read as they came and the outline after: put the tasks back in reading order.
        let sorted = zip(tasks, orders).enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
        tasks = sorted
    }

    static func isClosing(_ folded: String) -> Bool {
        for start in [
            "tren day la ke hoach", "tren day la", "noi nhan", "trong qua trinh thuc hien", "trong qua trinh to chuc thuc hien", "qua trinh thuc hien neu",
            "tm. uy ban", "tm. ubnd", "kt. chu tich", "kt. giam doc", "tm uy ban",
        ] where folded.hasPrefix(start) { return true }
        return false
    }

    static func isAppendixTitle(_ folded: String, text: String) -> Bool {
        guard folded.hasPrefix("phu luc") else { return false }
        // "Phụ lục 1", "PHỤ LỤC II: …" — not a sentence that mentions an appendix.
        return text.count < 300 && !folded.hasPrefix("phu luc nay")
    }

    static func appendixLabel(_ text: String) -> String {
        let words = text.split(separator: " ").prefix(3)
        var label = words.prefix(2).joined(separator: " ")
        if words.count == 3, let third = words.last, third.first?.isNumber == true || third.allSatisfy({ "IVX".contains($0) }) { label += " " + third }
        return label.trimmingCharacters(in: CharacterSet(charactersIn: ":.,"))
    }

    static func partKind(_ text: String) -> Part {
        let folded = VietnameseFold.key(text)
        let has = { (word: String) in folded.contains(word) }
        if has("nhiem vu") || has("giai phap") || has("to chuc thuc hien") || has("trach nhiem") || has("phan cong") { return .tasks }
        if has("muc dich") || has("yeu cau") || has("muc tieu") { return .aims }
        if has("kinh phi") { return .funding }
        if has("ket qua") || has("danh gia") || has("thuc trang") || has("tinh hinh") || has("can cu") { return .background }
        return .tasks
    }

    // MARK: - Tasks from the outline

    mutating func visit(_ node: Node, agencies inherited: Agencies?, context: [String], part: Part, partSeen: Bool) {
        currentOrder = node.order
        var part = part
        var context = context
        if node.marker?.kind == .part {
            part = Self.partKind(node.rest)
            context = indexReferences(in: node.rest)
            for child in node.children { visit(child, agencies: nil, context: context, part: part, partSeen: true) }
            return
        }
        guard part == .tasks else { return }
        let text = node.rest
        let hasItems = node.children.contains { $0.marker != nil }
        let (head, duty) = Self.splitHeading(text)

        // An agency heading, with or without its duty on the same line.
        if let heading = head.map({ headingAgencies($0) }) ?? headingAgencies(text), !heading.isEmpty {
            let ctx = heading
            let own = indexReferences(in: text)
            if let duty, !duty.isEmpty, !(duty.hasSuffix(":") && hasItems) {
                makeTasks(node: node, text: duty, lead: ctx, support: supportAgencies(in: duty), context: context + own, how: .heading)
            }
            for child in node.children { visit(child, agencies: ctx, context: context + own, part: part, partSeen: partSeen) }
            return
        }
        let subject = subjectAgencies(text)
        let inline = subject.isEmpty ? inlineLead(text) : Agencies()
        let own = indexReferences(in: text)
        // An introduction ("… các nội dung sau:") or a heading over items: its items are the tasks.
        if hasItems && (text.hasSuffix(":") || (subject.isEmpty && inline.isEmpty && Self.isHeadingLike(node))) {
            let ctx = !subject.isEmpty ? subject : !inline.isEmpty ? inline : inherited
            for child in node.children { visit(child, agencies: ctx, context: context + own, part: part, partSeen: partSeen) }
            return
        }
        if node.marker == nil && hasItems == false && text.hasSuffix(":") { return }
        let lead: Agencies?
        let how: PlanImport.Source
        if !subject.isEmpty {
            lead = subject
            how = .subject
        } else if !inline.isEmpty {
            lead = inline
            how = .sentence
        } else if let inherited {
            lead = inherited
            how = .heading
        } else {
            lead = nil
            how = .sentence
        }
        if let lead {
            makeTasks(node: node, text: text, lead: lead, support: supportAgencies(in: text), context: context + own, how: how)
        } else if Self.looksLikeAssignment(text) {
            review.append(.init(place: node.place, message: "looks like an assignment but names no lead agency, so no task was made: “\(Self.excerpt(text))”"))
        }
        for child in node.children where child.marker != nil {
            visit(child, agencies: lead ?? inherited, context: context + own, part: part, partSeen: partSeen)
        }
    }

    /// "Sở Xây dựng: Tiếp tục …" → ("Sở Xây dựng", "Tiếp tục …"); a colon late in a sentence is not a heading.
    static func splitHeading(_ text: String) -> (String?, String?) {
        guard let colon = text.firstIndex(of: ":") else { return (nil, nil) }
        let head = String(text[..<colon])
        guard head.count <= 160 else { return (nil, nil) }
        let duty = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        return (head, duty)
    }

    static func isHeadingLike(_ node: Node) -> Bool {
        let text = node.rest
        return node.emphasised || text.count < 160 || text == text.uppercased()
    }

    static let assignmentVerbs = [
        "tiep tuc", "thuc hien", "trien khai", "xay dung", "to chuc", "tham muu", "chu tri", "phoi hop",
        "ban hanh", "hoan thanh", "rà soat", "ra soat", "kiem tra", "theo doi", "bao cao", "cung cap",
        "nang cao", "tang cuong", "day manh", "duy tri", "tap trung", "chi dao", "huong dan", "cap nhat",
        "dam bao", "bo tri", "phan dau", "khac phuc", "tuyen truyen", "quan triet", "danh gia", "de xuat",
    ]

    static func looksLikeAssignment(_ text: String) -> Bool {
        let folded = VietnameseFold.key(text)
        return assignmentVerbs.contains { folded.hasPrefix($0) } && text.count > 20
    }

    static func excerpt(_ text: String, length: Int = 90) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "…"
    }

    // MARK: - Who

    static let fillerWords: Set<String> = [
        "cac", "co", "quan", "don", "vi", "va", "cung", "lien", "thuoc", "tinh", "cap", "dia", "phuong",
        "trach", "nhiem", "cua", "doi", "voi", "giao", "de", "nghi", "nhiem", "vu", "cu", "the", "chu", "tri",
        "cho", "ve", "tai", "ke", "hoach", "nay", "o",
    ]

    /// The agencies a heading names when it is nothing but agencies ("2.3. Sở Tài chính",
    /// "Trách nhiệm của Sở Tư pháp", "Bảo hiểm xã hội tỉnh, Công an tỉnh").
    func headingAgencies(_ head: String) -> Agencies? {
        var cleaned = Self.withoutParentheses(head)
        let folded = VietnameseFold.key(cleaned)
        for prefix in ["trach nhiem cua ", "nhiem vu cua ", "doi voi ", "giao ", "de nghi "] where folded.hasPrefix(prefix) {
            cleaned = String(cleaned.dropFirst(prefix.count))
            break
        }
        guard cleaned.count <= 200 else { return nil }
        let all = matcher.mentions(in: cleaned, lenient: lenient, qualifiers: true)
        let mentions = all.filter { !$0.isQualifier }
        let tokens = AgencyMatcher.tokens(cleaned)
        var covered = Set<Int>()
        for m in all { covered.formUnion(m.tokens) }
        let residual = tokens.indices.filter { tokens[$0].isWord && !covered.contains($0) && !Self.fillerWords.contains(tokens[$0].key) }
        if !mentions.isEmpty && residual.count <= 1 {
            return Agencies(targets: unique(mentions.map(\.target)), fuzzy: mentions.contains(where: \.isFuzzy))
        }
        if mentions.isEmpty, let name = Self.agencyLikeName(cleaned), name.split(separator: " ").count >= cleaned.split(separator: " ").count - 1 {
            return Agencies(unknown: [name])
        }
        return nil
    }

    /// The agencies a sentence starts with, when they are its subject ("UBND cấp huyện, chỉ
    /// đạo …", "Đề nghị Liên đoàn Lao động tỉnh phối hợp …", "Giao Sở Y tế chủ trì …").
    func subjectAgencies(_ text: String) -> Agencies {
        var sentence = Self.withoutParentheses(text)
        let folded = VietnameseFold.key(sentence)
        for prefix in ["de nghi ", "giao ", "yeu cau "] where folded.hasPrefix(prefix) {
            sentence = String(sentence.dropFirst(prefix.count))
        }
        let tokens = AgencyMatcher.tokens(sentence)
        let mentions = matcher.mentions(in: sentence, lenient: lenient, qualifiers: true)
        var targets: [AgencyMatcher.Target] = []
        var fuzzy = false
        var position = 0
        for m in mentions {
            // Only separators and filler between the start or the previous mention and this one.
            let gap = tokens[position..<m.tokens.lowerBound]
            guard gap.allSatisfy({ !$0.isWord || Self.fillerWords.contains($0.key) }), gap.count <= 3 else { break }
            if gap.contains(where: { $0.key == ":" || $0.key == "." }) { break }
            position = m.tokens.upperBound
            if m.isQualifier { continue }
            targets.append(m.target)
            fuzzy = fuzzy || m.isFuzzy
        }
        if targets.isEmpty {
            // An agency the site does not have, named as the subject: "Phòng Kế hoạch - Tài chính chủ trì …".
            if let name = Self.agencyLikeName(sentence, needsTrigger: true) { return Agencies(unknown: [name]) }
            return Agencies()
        }
        // The subject must be followed by what it does, not by more of a name.
        return Agencies(targets: unique(targets), fuzzy: fuzzy)
    }

    /// A lead named inside a sentence: "… giao Sở Nội vụ chủ trì …", "Sở TT&TT có trách nhiệm chủ trì".
    func inlineLead(_ text: String) -> Agencies {
        let mentions = matcher.mentions(in: text, lenient: lenient)
        for m in mentions {
            let after = VietnameseFold.key(String(text[m.range.upperBound...])).trimmingCharacters(in: .whitespaces)
            let before = VietnameseFold.key(String(text[..<m.range.lowerBound]))
            if after.hasPrefix("chu tri") || after.hasPrefix("co trach nhiem") || after.hasPrefix("la co quan chu tri")
                || after.hasPrefix("la co quan thuong truc")
                || before.hasSuffix("giao ") || before.hasSuffix("co quan chu tri: ") || before.hasSuffix("chu tri: ") || before.hasSuffix("don vi chu tri: ")
            {
                return Agencies(targets: [m.target], fuzzy: m.isFuzzy)
            }
        }
        return Agencies()
    }

    /// The agencies after "phối hợp với" (or "phối hợp:"), up to the first words that are not a
    /// name; a body the site lacks named there ("phối hợp với Văn phòng Sở tham mưu …"); and the
    /// agency a report goes through ("báo cáo UBND tỉnh (qua Sở Nội vụ)"), which receives and compiles.
    func supportAgencies(in text: String) -> Agencies {
        let folded = VietnameseFold.key(text)
        var out: [AgencyMatcher.Target] = []
        var unknown: [String] = []
        let all = matcher.mentions(in: text, lenient: lenient)
        for m in all {
            let before = VietnameseFold.key(String(text[..<m.range.lowerBound])).trimmingCharacters(in: .whitespaces)
            if before.hasSuffix("(qua") || (before.hasSuffix(" qua") && (before.contains("bao cao") || before.contains("gui "))) {
                out.append(m.target)
            }
        }
        var searchStart = folded.startIndex
        while let r = folded.range(of: "phoi hop", range: searchStart..<folded.endIndex) {
            searchStart = r.upperBound
            let offset = folded.distance(from: folded.startIndex, to: r.upperBound)
            let rest = String(text.dropFirst(offset))
            let tokens = AgencyMatcher.tokens(rest)
            var position = 0
            // "phối hợp với", "phối hợp:", "phối hợp cùng".
            while position < tokens.count, ["voi", ":", "cung", "chat", "che"].contains(tokens[position].key) { position += 1 }
            var any = false
            for m in matcher.mentions(in: rest, lenient: lenient, qualifiers: true) {
                let gap = tokens[position..<m.tokens.lowerBound]
                guard gap.allSatisfy({ !$0.isWord || Self.fillerWords.contains($0.key) }), gap.count <= 4 else { break }
                if !m.isQualifier { out.append(m.target) }
                position = m.tokens.upperBound
                any = true
            }
            if !any, position < tokens.count {
                let start = tokens[position].range.lowerBound
                if let name = Self.agencyLikeName(String(rest[start...]), needsTrigger: true) { unknown.append(name) }
            }
        }
        return Agencies(targets: unique(out), unknown: unknown)
    }

    static let headWords: [[String]] = [
        ["so"], ["ban"], ["van", "phong"], ["phong"], ["thanh", "tra"], ["cuc"], ["chi", "cuc"],
        ["bao", "hiem"], ["cong", "an"], ["bo", "chi", "huy"], ["dai"], ["bao"], ["buu", "dien"],
        ["uy", "ban"], ["ubnd"], ["lien", "doan"], ["hoi"], ["tinh", "doan"], ["trung", "tam"],
        ["kho", "bac"], ["ngan", "hang"], ["truong"], ["vien"], ["cong", "ty"], ["vp"],
    ]
    static let triggers = ["chu tri", "co trach nhiem", "tham muu", "phoi hop", "thuc hien", "to chuc", "xay dung", "huong dan", "la co quan"]

    /// A name that reads like an agency's (starts with "Sở", "Phòng", "Văn phòng", "Trung tâm" …):
    /// the words up to punctuation, or with `needsTrigger` up to what the agency is told to do.
    static func agencyLikeName(_ text: String, needsTrigger: Bool = false) -> String? {
        let tokens = AgencyMatcher.tokens(text)
        guard let first = tokens.first, first.isWord else { return nil }
        let words = tokens.prefix(3).filter(\.isWord).map(\.key)
        guard headWords.contains(where: { Array(words.prefix($0.count)) == $0 }), first.range.lowerBound == text.startIndex || true else { return nil }
        guard let firstChar = text.first, firstChar.isUppercase else { return nil }
        var end = text.endIndex
        var found = !needsTrigger
        let folded = VietnameseFold.key(text)
        if needsTrigger {
            for trigger in triggers {
                if let r = folded.range(of: " " + trigger) {
                    let distance = folded.distance(from: folded.startIndex, to: r.lowerBound)
                    if distance < 80, distance < text.count {
                        let candidate = text.index(text.startIndex, offsetBy: distance)
                        if candidate < end {
                            end = candidate
                            found = true
                        }
                    }
                }
            }
        }
        guard found else { return nil }
        var name = String(text[..<end])
        if let stop = name.firstIndex(where: { ",;:(".contains($0) }) { name = String(name[..<stop]) }
        name = name.trimmingCharacters(in: .whitespaces)
        let count = name.split(separator: " ").count
        guard count >= 2, count <= 12 else { return nil }
        return name
    }

    static func withoutParentheses(_ text: String) -> String {
        var out = "", depth = 0
        for c in text {
            if c == "(" {
                depth += 1
                continue
            }
            if c == ")" {
                depth = max(0, depth - 1)
                continue
            }
            if depth == 0 { out.append(c) }
        }
        return TextPlanReader.collapseSpaces(out).trimmingCharacters(in: CharacterSet(charactersIn: " :."))
    }

    func unique<T: Hashable>(_ list: [T]) -> [T] {
        var seen = Set<T>()
        return list.filter { seen.insert($0).inserted }
    }

    // MARK: - Tables

    /// Columns of a task table, found in its header rows.
    struct Columns {
        var content: Int?, lead: Int?, support: Int?, deadline: Int?, product: Int?, number: Int?
        var headerRows = 0
    }

    static func columns(_ table: SourceDocument.Table) -> Columns? {
        var cols = Columns()
        var combined: [String] = []
        for (r, row) in table.rows.prefix(3).enumerated() {
            let folded = row.map { VietnameseFold.key($0) }
            let isHeader = folded.contains {
                $0.contains("noi dung") || $0.contains("nhiem vu") || $0.contains("chu tri") || $0.contains("phoi hop") || $0.contains("thoi gian")
                    || $0 == "stt" || $0 == "tt"
            }
            guard isHeader else { break }
            if combined.count < folded.count { combined += Array(repeating: "", count: folded.count - combined.count) }
            for (c, cell) in folded.enumerated() where !combined[c].contains(cell) { combined[c] += " " + cell }
            cols.headerRows = r + 1
        }
        guard cols.headerRows > 0 else { return nil }
        for (c, cell) in combined.enumerated() {
            if cols.support == nil, cell.contains("phoi hop") {
                cols.support = c
                continue
            }
            if cols.lead == nil,
                cell.contains("chu tri") || cell.contains("co quan thuc hien") || cell.contains("don vi thuc hien") || cell.contains("trach nhiem")
                    || cell.contains("co quan, don vi")
            {
                cols.lead = c
                continue
            }
            if cols.deadline == nil, cell.contains("thoi gian") || cell.contains("thoi han") || cell.contains("tien do") || cell.contains("han hoan thanh") {
                cols.deadline = c
                continue
            }
            if cols.product == nil, cell.contains("san pham") || cell.contains("ket qua") {
                cols.product = c
                continue
            }
            if cols.number == nil,
                cell.trimmingCharacters(in: .whitespaces) == "stt" || cell.trimmingCharacters(in: .whitespaces) == "tt" || cell.contains("so tt")
            {
                cols.number = c
                continue
            }
            if cols.content == nil,
                cell.contains("noi dung") || cell.contains("nhiem vu") || cell.contains("cong viec") || cell.contains("giai phap") || cell.contains("tieu chi")
            {
                cols.content = c
                continue
            }
        }
        guard cols.content != nil, cols.lead != nil else { return nil }
        return cols
    }

    mutating func readTable(_ table: SourceDocument.Table, label: String?, context: [String], agencies: Agencies?) {
        guard let cols = Self.columns(table) else { return }
        var groupContext = context
        var groupLabel = ""
        for (r, row) in table.rows.enumerated().dropFirst(cols.headerRows) {
            func cell(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0] : nil }?.trimmingCharacters(in: .whitespaces) ?? "" }
            let place = table.places[r]
            currentOrder = currentOrder / 10_000 * 10_000 + r
            let content = cell(cols.content), leadText = cell(cols.lead)
            let number = cell(cols.number)
            var others = row
            if let n = cols.number, n < others.count { others.remove(at: n) }
            let distinct = Set(others.filter { !$0.isEmpty })
            // A group row: one text across the row, or a roman/letter number with no lead.
            if distinct.count == 1
                || (leadText.isEmpty && (number.allSatisfy { "IVXLivxl.".contains($0) } && !number.isEmpty || content == content.uppercased()))
            {
                let text = distinct.count == 1 ? distinct.first! : content
                let refs = indexReferences(in: text)
                groupContext = refs.isEmpty ? context : refs
                // "I", or the number in front of a group title spanning the row ("I. Công tác …").
                if !number.isEmpty && number.count <= 5 && number != text {
                    groupLabel = number.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                } else {
                    groupLabel = Outline.marker(in: text)?.label ?? ""
                }
                continue
            }
            guard !content.isEmpty else { continue }
            var lead = Agencies()
            if !leadText.isEmpty {
                let mentions = matcher.mentions(in: leadText, lenient: lenient)
                lead.targets = unique(mentions.map(\.target))
                lead.fuzzy = mentions.contains(where: \.isFuzzy)
                lead.unknown = unknownPieces(leadText, mentions: mentions)
            }
            var support = Agencies()
            if !cell(cols.support).isEmpty {
                let mentions = matcher.mentions(in: cell(cols.support), lenient: lenient)
                support.targets = unique(mentions.map(\.target))
                support.unknown = unknownPieces(cell(cols.support), mentions: mentions)
            }
            var own = indexReferences(in: content)
            if !number.isEmpty, let criterion = criterionReference(number, context: groupContext) { own.append(criterion) }
            let path = [groupLabel, number.trimmingCharacters(in: CharacterSet(charactersIn: ". "))].filter { !$0.isEmpty }.joined(separator: ".")
            let section = [label, path.isEmpty ? nil : path].compactMap { $0 }.joined(separator: " ")
            let deadlineText = cell(cols.deadline)
            if lead.isEmpty {
                review.append(.init(place: place, message: "this row names no lead agency, so no task was made: “\(Self.excerpt(content))”"))
                continue
            }
            let product = cell(cols.product)
            appendTask(
                title: content, fullText: content, deadlineText: deadlineText.isEmpty ? nil : deadlineText, lead: lead, support: support,
                index: groupContext + own, section: section.isEmpty ? nil : section, place: place, how: .table,
                target: product.isEmpty ? nil : product)
        }
    }

    /// Pieces of a lead cell that name no known agency: "Sở X; Phòng Y" → ["Phòng Y"].
    func unknownPieces(_ text: String, mentions: [AgencyMatcher.Mention]) -> [String] {
        var rest = text
        for m in mentions.reversed() { rest.replaceSubrange(m.range, with: ";") }
        var out: [String] = []
        for piece in rest.split(whereSeparator: { ",;\n+".contains($0) }) {
            var name = piece.trimmingCharacters(in: .whitespaces)
            if VietnameseFold.key(name).hasPrefix("va ") { name = String(name.dropFirst(3)) }
            name = Self.withoutParentheses(name)
            let words = VietnameseFold.words(name).filter { !Self.fillerWords.contains($0) }
            guard words.count >= 1, name.count >= 3, name.first?.isUppercase == true else { continue }
            out.append(name)
        }
        return out
    }

    // MARK: - Indices

    /// The site's indices with their names and areas' names folded once, for ``indexReferences(in:)``.
    struct IndexNames {
        var id: String
        /// " name " keys: short name, name, id in words, and the usual other names.
        var names: [String]
        var areas: [(id: String, key: String)]

        static func of(_ site: Site) -> [IndexNames] {
            site.indices.map { index in
                var names = [index.short, index.name, index.id.rawValue.replacingOccurrences(of: "-", with: " ")]
                names += PlanAnalysis.indexSynonyms[VietnameseFold.words(index.short).joined(separator: " ")] ?? []
                let keys = names.map { VietnameseFold.words($0).joined(separator: " ") }.filter { !$0.isEmpty }.map { " \($0) " }
                let areas = index.areas.map { (id: $0.id, key: VietnameseFold.words($0.name).joined(separator: " ")) }
                return IndexNames(id: index.id.rawValue, names: keys, areas: areas)
            }
        }
    }

    /// The index references a text makes: areas of the site's indices by name, else the index.
    func indexReferences(in text: String) -> [String] {
        let folded = " " + VietnameseFold.words(text).joined(separator: " ") + " "
        // A heading may shorten an area's name: "Công tác chỉ đạo, điều hành" for "Công tác chỉ
        // đạo, điều hành cải cách hành chính".
        let headingWords = VietnameseFold.words(Outline.marker(in: text)?.rest ?? text)
        let heading = headingWords.joined(separator: " ")
        var out: [String] = []
        for index in indexNames {
            let namesIndex = index.names.contains { folded.contains($0) }
            var areaFound = false
            for area in index.areas {
                if area.key.count >= 8,
                    folded.contains(" " + area.key + " ") || (headingWords.count >= 3 && headingWords.count <= 12 && area.key.hasPrefix(heading))
                {
                    out.append("\(index.id)/\(area.id)")
                    areaFound = true
                }
            }
            if namesIndex && !areaFound { out.append(index.id) }
        }
        return out
    }

    static let indexSynonyms: [String: [String]] = [
        "par index": ["chi so cchc", "chi so cai cach hanh chinh", "par index", "chi so par index"],
        "sipas": ["chi so hai long", "sipas", "chi so sipas"],
        "papi": ["papi", "chi so hieu qua quan tri"],
        "pci": ["pci", "nang luc canh tranh"],
        "dti": ["dti", "chuyen doi so"],
    ]

    /// `index#code` when a table's number is a criterion code of an index in context.
    func criterionReference(_ number: String, context: [String]) -> String? {
        let code = number.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        guard code.contains(".") else { return nil }
        for ref in context {
            let indexID = String(ref.split(separator: "/").first ?? "")
            if let index = site.lookup.indices[IndexID(indexID)], index.criterion(code) != nil { return "\(indexID)#\(code)" }
        }
        return nil
    }

    // MARK: - Making tasks

    /// Makes the tasks of one item: one, or one per clause when clauses carry different deadlines
    /// ("… trong Quý III/2021; … trong Quý IV/2021").
    mutating func makeTasks(node: Node, text: String, lead: Agencies, support: Agencies, context: [String], how: PlanImport.Source) {
        let clauses = text.split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }
        let read = clauses.map { ($0, DeadlineReader.read($0, issued: issued).filter { $0.due != nil && !$0.openEnded }) }
        let dated = read.filter { !$0.1.isEmpty }.map(\.0)
        let dues = Set(read.compactMap { $0.1.first?.due })
        if dated.count >= 2 && dues.count >= 2 {
            for clause in dated {
                appendTask(
                    title: clause, fullText: clause, deadlineText: nil, lead: lead, support: support, index: context,
                    section: node.section.isEmpty ? nil : node.section, place: node.place, how: how, target: nil,
                    note: "one of \(dated.count) tasks made from one item with \(dated.count) deadlines")
            }
            return
        }
        // Several deadlines inside one clause ("thành lập trong Quý III/2021 và đưa vào hoạt động trong
        // Quý IV/2021"): one task per deadline, each titled with the words that lead to its deadline.
        let deadlines = DeadlineReader.read(text, issued: issued).filter { $0.due != nil && $0.every == nil && !$0.openEnded }
        if Set(deadlines.compactMap(\.due)).count >= 2 {
            let base = Self.title(Self.withoutParentheses(text.components(separatedBy: "(").first ?? text))
            var searchFrom = text.startIndex
            var segmentStart = text.firstIndex(of: "(").map { text.index(after: $0) } ?? text.startIndex
            var made = 0
            for deadline in deadlines {
                guard let r = text.range(of: deadline.phrase, range: searchFrom..<text.endIndex) else { continue }
                var segment = String(text[min(segmentStart, r.lowerBound)..<r.upperBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;()"))
                if VietnameseFold.key(segment).hasPrefix("va ") { segment = String(segment.dropFirst(3)) }
                if segment.count > 120 { segment = deadline.phrase }
                appendTask(
                    title: "\(base) (\(segment))", fullText: segment, deadlineText: nil, lead: lead, support: support, index: context,
                    section: node.section.isEmpty ? nil : node.section, place: node.place, how: how, target: nil,
                    note: "one of \(deadlines.count) tasks made from one item with \(deadlines.count) deadlines")
                searchFrom = r.upperBound
                segmentStart = r.upperBound
                made += 1
            }
            if made >= 2 { return }
        }
        appendTask(
            title: text, fullText: text, deadlineText: nil, lead: lead, support: support, index: context,
            section: node.section.isEmpty ? nil : node.section, place: node.place, how: how, target: nil)
    }

    mutating func appendTask(
        title rawTitle: String, fullText: String, deadlineText: String?, lead: Agencies, support: Agencies,
        index: [String], section: String?, place: SourceDocument.Place, how: PlanImport.Source, target: String?, note: String? = nil
    ) {
        var notes: [String] = note.map { [$0] } ?? []
        var confidence = PlanImport.Confidence.high
        if lead.fuzzy {
            confidence = .medium
            notes.append("the lead was matched despite damaged diacritics")
        }
        if how == .sentence {
            confidence = min(confidence, .medium)
            notes.append("the lead was read from the sentence")
        }
        /// The references of `agencies`, adding to agencies.yml the ones the site lacks.
        func ids(_ agencies: Agencies, as role: String) -> [String] {
            var out = agencies.targets.flatMap(references)
            for name in agencies.unknown {
                let id = addAgency(name, place: place)
                out.append(id)
                confidence = .low
                notes.append("\(role) “\(name)” is not in agencies.yml; added as `\(id)`, check it")
            }
            return out
        }
        let leads = ids(lead, as: "lead")
        let supports = unique(ids(support, as: "support").filter { !leads.contains($0) })
        // Deadlines.
        let deadlines = deadlineText.map { DeadlineReader.read($0, issued: issued, bare: true) } ?? DeadlineReader.read(fullText, issued: issued)
        var deadline = deadlines.first { $0.every != nil } ?? deadlines.first { $0.due != nil } ?? deadlines.first
        if deadlines.isEmpty, let deadlineText, !deadlineText.isEmpty {
            notes.append("the deadline “\(deadlineText)” was not understood; set `due:` by hand")
            confidence = min(confidence, .medium)
        } else if deadlines.isEmpty {
            notes.append("no deadline found in the text; add `due:` if the plan sets one")
            confidence = min(confidence, .medium)
        } else if let d = deadline, d.openEnded {
            notes.append("no deadline: “\(d.phrase)” sets none, so the task is never overdue")
            deadline = nil
        } else if Set(deadlines.compactMap(\.due)).count > 1 {
            notes.append("several deadlines are named (\(deadlines.map(\.phrase).joined(separator: ", "))); the first was taken")
            confidence = min(confidence, .medium)
        }
        if let n = deadline?.note { notes.append(n) }
        for ref in index where !indexIDs.contains(String(ref.split(whereSeparator: { $0 == "/" || $0 == "#" }).first!)) {
            indexIDs.append(String(ref.split(whereSeparator: { $0 == "/" || $0 == "#" }).first!))
        }
        var refs = unique(index)
        // An area or criterion makes its bare index redundant.
        refs = refs.filter { ref in ref.contains("/") || ref.contains("#") || !refs.contains { $0.hasPrefix(ref + "/") || $0.hasPrefix(ref + "#") } }
        let title = Self.title(rawTitle)
        orders.append(currentOrder)
        tasks.append(
            PlanImport.ImportedTask(
                id: uniqueID(for: title), title: title, lead: unique(leads), support: supports, index: refs,
                deadline: deadline, target: target, section: section, place: place, source: how,
                confidence: confidence, notes: notes))
    }

    /// A task's title: the first sentence, at most 300 characters, cut at a word.
    static func title(_ text: String) -> String {
        var t = text.trimmingCharacters(in: CharacterSet(charactersIn: " :;,"))
        if let stop = t.range(of: ". ", options: [], range: t.index(t.startIndex, offsetBy: min(40, t.count))..<t.endIndex) {
            t = String(t[..<stop.lowerBound])
        }
        if t.hasSuffix(".") { t.removeLast() }
        if t.count > 300 {
            var cut = String(t.prefix(300))
            if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
            t = cut + "…"
        }
        return t
    }

    func references(_ target: AgencyMatcher.Target) -> [String] {
        switch target {
        case .agency(let id): return [id.rawValue]
        case .kind(let kind): return ["kind:\(kind.rawValue)"]
        case .issuerUnits: return issuer.map { [$0.rawValue] } ?? []
        }
    }

    /// Words that open many duties and tell them apart poorly ("Chủ trì, phối hợp với các cơ quan
    /// liên quan tham mưu …"); ids are made from the words after them.
    static let genericWords: Set<String> = [
        "chu", "tri", "phoi", "hop", "voi", "cac", "co", "quan", "lien", "don", "vi", "tham", "muu",
        "va", "de", "nghi", "trach", "nhiem", "chat", "che", "to", "chuc", "thuc", "hien", "trien", "khai",
        "tiep", "tuc", "tang", "cuong", "day", "manh", "nang", "cao", "hieu", "qua", "tot", "cong", "tac",
    ]

    mutating func uniqueID(for title: String) -> String {
        let all = Slug.make(title).split(separator: "-").map(String.init)
        var specific = all.drop { Self.genericWords.contains($0) }
        if specific.count < 3 { specific = all[...] }
        let words = specific.prefix(7)
        var base = words.joined(separator: "-")
        while base.count > 48, let dash = base.lastIndex(of: "-") { base = String(base[..<dash]) }
        if base.isEmpty { base = "nhiem-vu" }
        var id = base, n = 2
        while usedIDs.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        usedIDs.insert(id)
        return id
    }

    /// Adds an agency the site does not have, once per name; returns its id.
    mutating func addAgency(_ found: String, place: SourceDocument.Place) -> String {
        let folded = VietnameseFold.key(found)
        let issuerAgency = issuer.flatMap { site.lookup.agencies[$0] }
        let isInternal =
            issuerAgency?.kind == .department
            && (folded.hasSuffix(" so") || folded.hasPrefix("phong ") || folded.hasPrefix("van phong so") || folded.hasPrefix("thanh tra so"))
        var name = found
        var id = Slug.make(found)
        if isInternal, let issuerAgency {
            name = folded.hasSuffix(" so") ? String(found.dropLast(2)) + issuerAgency.name : "\(found) - \(issuerAgency.name)"
            id = Slug.make("\(issuerAgency.id.rawValue) \(found)")
        }
        if id.count > 64 {
            id = String(id.prefix(64))
            while id.hasSuffix("-") { id.removeLast() }
        }
        if let existing = newAgencies.first(where: { $0.id == id }) { return existing.id }
        var n = 2
        let base = id
        while site.lookup.agencies[AgencyID(id)] != nil {
            id = "\(base)-\(n)"
            n += 1
        }
        let kind: AgencyKind
        if isInternal {
            kind = .organisation
        } else if folded.hasPrefix("so ") {
            kind = .department
        } else if folded.hasPrefix("ubnd huyen") || folded.hasPrefix("uy ban nhan dan huyen") || folded.hasPrefix("ubnd thi xa")
            || folded.hasPrefix("ubnd thanh pho")
        {
            kind = .district
        } else if folded.hasPrefix("ubnd xa") || folded.hasPrefix("ubnd phuong") || folded.hasPrefix("uy ban nhan dan xa") {
            kind = .commune
        } else if folded.hasPrefix("cuc ") || folded.hasPrefix("bao hiem") || folded.hasPrefix("cong an") || folded.hasPrefix("kho bac")
            || folded.hasPrefix("ngan hang")
        {
            kind = .central
        } else {
            kind = .organisation
        }
        newAgencies.append(PlanImport.NewAgency(id: id, name: name, kind: kind, place: place, foundAs: found))
        return id
    }
}
