import Foundation

/// `cchc new plan`: the skeleton of a plan file, front matter and text, that passes `cchc check`.
public enum PlanScaffold {
    /// What to write.
    public struct Options: Sendable {
        /// The document's number, e.g. `123/KH-UBND`.
        public var number: String
        /// The title.
        public var title: String
        /// The issuing agency's id; nil for the site's province-level agency.
        public var issuer: String?
        /// The date of issue, `YYYY-MM-DD`; nil for the site's reporting date.
        public var issued: String?
        /// The plan id; nil for one made from the number and year.
        public var id: String?

        /// Options for a new plan.
        public init(number: String, title: String, issuer: String? = nil, issued: String? = nil, id: String? = nil) {
            self.number = number
            self.title = title
            self.issuer = issuer
            self.issued = issued
            self.id = id
        }
    }

    /// What `write` did.
    public struct Outcome: Sendable {
        /// The plan's path relative to the site.
        public var path: String
        /// The plan id.
        public var id: String
        /// Things the user should check (e.g. the date used when none was given).
        public var notes: [String]
    }

    /// The default plan id: `kh-<issuer code>-<number>-<year>` from a number like `386/KH-UBND`
    /// (→ `kh-ubnd-386-2024`), else a slug of `kh-<issuer id>-<number>-<year>`.
    public static func defaultID(number: String, issuer: AgencyID, year: Int) -> String {
        let trimmed = number.replacingOccurrences(of: " ", with: "")
        let parts = trimmed.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isNumber) {
            let kind = parts[1].uppercased()
            if kind.hasPrefix("KH-"), kind.count > 3 {
                return Slug.make("kh-\(kind.dropFirst(3))-\(parts[0])-\(year)")
            }
        }
        return Slug.make("kh-\(issuer)-\(number)-\(year)")
    }

    /// Loads the site at `root` and writes `content/plans/<id>.md`; refuses to overwrite.
    public static func write(root: URL, options: Options) throws -> Outcome {
        let number = options.number.trimmingCharacters(in: .whitespaces), title = options.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !number.isEmpty else { throw ScaffoldError("--number is empty; give the document's number, e.g. 123/KH-UBND") }
        guard !title.isEmpty else { throw ScaffoldError("--title is empty; give the plan's title (trích yếu)") }
        let load = SiteLoader.load(root: root)
        guard let loaded = load.site else {
            let count = load.errors.count
            throw ScaffoldError("the site has \(count) error\(count == 1 ? "" : "s"); run `cchc check` and fix \(count == 1 ? "it" : "them") first")
        }
        var notes: [String] = []
        let issuer: AgencyID
        if let text = options.issuer {
            issuer = AgencyID(text)
            guard loaded.lookup.agencies[issuer] != nil else {
                var message = "unknown agency `\(text)` for --issuer"
                if let near = Suggestion.nearest(to: text, in: loaded.site.agencies.map(\.id.rawValue)) { message += "; did you mean `\(near)`?" }
                throw ScaffoldError(message)
            }
        } else {
            guard let province = loaded.lookup.agenciesOfKind[.province]?.first else {
                throw ScaffoldError("the site has no agency of kind `province`; name the issuer with --issuer ID")
            }
            issuer = province
        }
        let issued: Day
        if let text = options.issued {
            guard let day = Day(iso: text) else { throw ScaffoldError("--issued must be an existing date written YYYY-MM-DD, found `\(text)`") }
            issued = day
        } else {
            issued = loaded.asOf
            notes.append("no --issued given: the plan is dated \(issued.iso), the site's reporting date; correct `issued:` to the document's date")
        }
        let id = options.id ?? defaultID(number: number, issuer: issuer, year: issued.year)
        guard Slug.isValidID(id) else {
            throw ScaffoldError("`\(id)` is not a valid plan id: use lowercase ASCII letters, digits and `-`, at most 64 characters")
        }
        if loaded.lookup.plans[PlanID(id)] != nil {
            throw ScaffoldError("content/plans/\(id).md already exists; choose another --id or edit that plan")
        }
        let relative = "content/plans/\(id).md"
        let text = self.text(
            number: number, title: title, issuer: issuer, issued: issued,
            indices: loaded.site.indices.map(\.id.rawValue), localKind: loaded.lookup.agenciesOfKind[.district] == nil ? "commune" : "district")
        try ScaffoldFiles.writeNew(text, to: root.appendingPathComponent(relative), shownAs: relative)
        return Outcome(path: relative, id: id, notes: notes)
    }

    /// The plan file's text: front matter with a commented example task, then the usual three parts.
    static func text(number: String, title: String, issuer: AgencyID, issued: Day, indices: [String], localKind: String) -> String {
        let indexList = indices.isEmpty ? "par-index" : indices.joined(separator: ", ")
        let firstIndex = indices.contains("par-index") || indices.isEmpty ? "par-index" : indices[0]
        // Example dates that fall after the plan's issue: the end of the next quarter for a one-off task,
        // and the first quarter-end on the 20th after issue for a recurring one.
        let quarter = Period(containing: issued, kind: .quarter)
        let oneOff = quarter.next.lastDay
        let twentieth = Day(year: quarter.year, month: quarter.lastMonth, day: 20)!
        let firstReport = twentieth > issued ? twentieth : Day(year: quarter.next.year, month: quarter.next.lastMonth, day: 20)!
        return """
            ---
            number: \(YAMLText.scalar(number))
            title: \(YAMLText.scalar(title))
            issuer: \(issuer)
            issued: \(issued.iso)
            # Kế hoạch cấp trên mà kế hoạch này cụ thể hóa (nếu có), theo id:
            # parent: kh-ubnd-386-2024
            # Các chỉ số kế hoạch hướng tới (tên tệp trong content/indices/, bỏ các chỉ số không liên quan):
            # indices: [\(indexList)]
            #
            # Nhiệm vụ: bỏ dấu "# " ở đầu các dòng dưới đây (cả dòng `tasks:`), rồi sửa theo mục III của Kế hoạch.
            # Mỗi nhiệm vụ là một mục bắt đầu bằng `- id:`; id viết thường, không dấu, nối bằng "-".
            # tasks:
            #   - id: xay-dung-ke-hoach
            #     title: Xây dựng kế hoạch của cơ quan, đơn vị cụ thể hóa nhiệm vụ được giao
            #     lead: [kind:department, kind:\(localKind)]   # cơ quan chủ trì: id, hoặc kind:<loại> cho mọi cơ quan loại đó
            #     support: [so-noi-vu]                  # cơ quan phối hợp (không bắt buộc)
            #     index: [\(firstIndex)]                # chỉ số, lĩnh vực (\(firstIndex)/<id lĩnh vực>) hoặc tiêu chí (\(firstIndex)#<mã>)
            #     due: \(oneOff.iso)                     # hạn: ngày YYYY-MM-DD hoặc kỳ (\(oneOff.year), \(oneOff.year)-Q3, \(oneOff.year)-11); bỏ trống nếu "thường xuyên"
            #     section: III.1                        # mục của Kế hoạch giao nhiệm vụ
            #   - id: bao-cao-dinh-ky
            #     title: Báo cáo kết quả thực hiện hằng quý
            #     lead: [so-noi-vu]
            #     every: quarter                        # nhiệm vụ định kỳ: month | quarter | half | year
            #     day: 20                               # hạn là ngày 20 của tháng cuối kỳ
            #     due: \(firstReport.iso)                     # hạn của kỳ đầu tiên
            #     until: \(firstReport.year)                         # kỳ cuối cùng (mặc định: hết năm của `due`)
            ---

            ## I. Mục đích, yêu cầu

            ### 1. Mục đích

            (Chép mục đích của Kế hoạch.)

            ### 2. Yêu cầu

            (Chép yêu cầu của Kế hoạch.)

            ## II. Nhiệm vụ, giải pháp

            (Chép các nhiệm vụ, giải pháp theo từng chỉ số, lĩnh vực.)

            ## III. Tổ chức thực hiện

            (Chép phân công cho từng cơ quan, đơn vị; mỗi nhiệm vụ có hạn hoặc cơ quan chủ trì riêng thành một mục trong `tasks:` ở trên.)

            """
    }
}
