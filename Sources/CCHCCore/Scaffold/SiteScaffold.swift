import Foundation

/// `cchc new site`: a small site that builds at once, for a province to fill in.
public enum SiteScaffold {
    /// What to write.
    public struct Options: Sendable {
        /// The province's name as people write it ("Bắc Kạn", "Hà Nội"); nil for a placeholder.
        public var province: String?
        /// The year of the sample plan and report.
        public var year: Int
        /// Whether to copy the built-in theme into `templates/` for editing.
        public var withTemplates: Bool

        /// Options for a new site.
        public init(province: String? = nil, year: Int, withTemplates: Bool = false) {
            self.province = province
            self.year = year
            self.withTemplates = withTemplates
        }
    }

    /// The centrally run cities, which are "thành phố", not "tỉnh".
    static let cities: Set<String> = ["ha-noi", "ho-chi-minh", "hai-phong", "da-nang", "can-tho", "hue"]

    /// The province's name and how the title names it ("tỉnh Bắc Kạn", "thành phố Hà Nội").
    static func naming(_ input: String?) -> (province: String, unit: String, host: String) {
        guard var name = input?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping,
            !name.isEmpty
        else {
            return ("Tỉnh mẫu", "tỉnh mẫu", "example.gov.vn")
        }
        var unit = "tỉnh"
        for prefix in ["tỉnh ", "thành phố ", "tp. ", "tp "] where name.lowercased().hasPrefix(prefix) {
            unit = prefix == "tỉnh " ? "tỉnh" : "thành phố"
            name = String(name.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        var slug = Slug.make(name)
        if slug.hasPrefix("thanh-pho-") { slug = String(slug.dropFirst("thanh-pho-".count)) }
        if cities.contains(slug) { unit = "thành phố" }
        let host = slug.isEmpty ? "example.gov.vn" : slug.replacingOccurrences(of: "-", with: "") + ".gov.vn"
        return (name, "\(unit) \(name)", host)
    }

    /// The files of the new site, by path, in a fixed order.
    public static func files(_ options: Options) -> [(path: String, text: String)] {
        let naming = naming(options.province)
        let y = options.year
        var out: [(String, String)] = [
            ("site.yml", siteYML(naming, year: y)),
            (".gitignore", "# Thư mục kết quả của `cchc build` và các gói phát hành: không đưa vào kho.\n/public/\n*.zip\n*.tar.gz\n"),
            ("content/agencies.yml", agenciesYML(naming, year: y)),
            ("content/indices/par-index.yml", IndexSamples.parIndex(year: y)),
            ("content/indices/sipas.yml", IndexSamples.sipas),
            ("content/indices/papi.yml", IndexSamples.papi),
            ("content/indices/pci.yml", IndexSamples.pci(year: y)),
            ("content/indices/dti.yml", IndexSamples.dti(year: y)),
            ("content/plans/\(planID(year: y)).md", planMD(naming, year: y)),
            ("content/progress/\(y)-Q1/so-noi-vu.yml", reportYML(year: y)),
            (
                "content/files/so-noi-vu/bao-cao-quy-i-\(y).txt",
                "Tài liệu mẫu: thay bằng báo cáo thật (PDF, DOCX …) và sửa đường dẫn trong content/progress/\(y)-Q1/so-noi-vu.yml.\n"
            ),
        ]
        if options.withTemplates {
            for path in BuiltinTheme.files.keys.sorted() { out.append(("templates/\(path)", BuiltinTheme.files[path]!)) }
        }
        return out
    }

    /// Writes the site into `folder`, which must be missing or empty; returns the paths written.
    @discardableResult
    public static func write(to folder: URL, options: Options) throws -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ScaffoldError("\(folder.path) is a file; choose a new folder for the site") }
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            if !entries.isEmpty {
                throw ScaffoldError("\(folder.path) is not empty; cchc new site writes only into a new or empty folder, so nothing is overwritten")
            }
        }
        let files = files(options)
        for (path, text) in files {
            try ScaffoldFiles.writeNew(text, to: folder.appendingPathComponent(path), shownAs: path)
        }
        return files.map(\.path)
    }

    static func planID(year: Int) -> String { "kh-ubnd-15-\(year)" }

    /// Whether the sample uses the agencies after the 2025 mergers (no districts; communes).
    static func afterMergers(_ year: Int) -> Bool { year >= 2025 }

    static func siteYML(_ naming: (province: String, unit: String, host: String), year: Int) -> String {
        """
        # Cài đặt của trang (xem hướng dẫn docs/huong-dan.md trong mã nguồn cchc). Sửa tiêu đề, tên tỉnh và địa chỉ xuất bản cho đúng.
        title: \(YAMLText.scalar("Theo dõi thực hiện các kế hoạch nâng cao chỉ số CCHC \(naming.unit)"))
        province: \(YAMLText.scalar(naming.province))
        # Địa chỉ tuyệt đối của thư mục trang trên Cổng thông tin điện tử, kết thúc bằng "/".
        base_url: https://\(naming.host)/cchc/
        language: vi
        # Ngày chốt số liệu. Bỏ trống thì lấy ngày báo cáo muộn nhất trong content/progress/.
        # as_of: \(year)-03-31
        description: >-
          Trang tổng hợp tiến độ thực hiện các kế hoạch của \(naming.unit) nhằm nâng cao Chỉ số cải cách
          hành chính (PAR Index), Chỉ số hài lòng của người dân, tổ chức (SIPAS) và Chỉ số PAPI.
          Số liệu do các cơ quan, đơn vị báo cáo định kỳ qua Sở Nội vụ.
        # Khóa tùy chọn của cchc: một dòng thông báo trên mọi trang. Xóa khi đã thay dữ liệu mẫu.
        notice: "Trang mẫu do cchc new site tạo: kế hoạch, báo cáo và cơ quan dưới đây là dữ liệu minh họa."

        """
    }

    /// One agency entry.
    static func agency(_ id: String, _ name: String, _ short: String?, _ kind: AgencyKind, aliases: [String] = []) -> String {
        var lines = ["- id: \(id)", "  name: \(YAMLText.scalar(name))"]
        if let short { lines.append("  short: \(YAMLText.scalar(short))") }
        lines.append("  kind: \(kind.rawValue)")
        if !aliases.isEmpty { lines.append("  aliases: [\(aliases.map(YAMLText.scalar).joined(separator: ", "))]") }
        return lines.joined(separator: "\n")
    }

    static func agenciesYML(_ naming: (province: String, unit: String, host: String), year: Int) -> String {
        let after = afterMergers(year)
        var blocks: [String] = []
        blocks.append(
            """
            # Cơ quan, đơn vị của \(naming.unit) (thứ tự hiển thị). `id` là một phần của địa chỉ trang:
            # đặt một lần, không đổi về sau. Tên gọi khác (viết tắt, cách viết cũ) ghi vào `aliases`.
            # Sau sáp nhập, cơ quan thôi hoạt động ghi `replaced_by: <id cơ quan kế thừa>`.
            # kind: province | department | district | commune | central | organisation
            """)
        blocks.append(agency("ubnd-tinh", "Ủy ban nhân dân \(naming.unit)", "UBND \(naming.unit.hasPrefix("thành phố") ? "thành phố" : "tỉnh")", .province))
        blocks.append("\n# Sở, ban, ngành và tương đương")
        var departments: [(String, String, String?)] = [
            ("so-noi-vu", "Sở Nội vụ", "SNV"),
            ("so-tu-phap", "Sở Tư pháp", "STP"),
            ("so-tai-chinh", "Sở Tài chính", "STC"),
        ]
        if !after { departments.append(("so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT")) }
        departments.append(("so-cong-thuong", "Sở Công Thương", "SCT"))
        if after {
            departments.append(("so-nong-nghiep-va-moi-truong", "Sở Nông nghiệp và Môi trường", "Sở NN&MT"))
        } else {
            departments.append(("so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"))
            departments.append(("so-tai-nguyen-va-moi-truong", "Sở Tài nguyên và Môi trường", "Sở TN&MT"))
        }
        departments.append(("so-xay-dung", "Sở Xây dựng", "SXD"))
        if !after { departments.append(("so-giao-thong-van-tai", "Sở Giao thông vận tải", "Sở GTVT")) }
        departments.append(("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", "Sở KH&CN"))
        if !after {
            departments.append(("so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông", "Sở TT&TT"))
            departments.append(("so-lao-dong-thuong-binh-va-xa-hoi", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"))
        }
        departments += [
            ("so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch", "Sở VH-TT&DL"),
            ("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
            ("so-y-te", "Sở Y tế", "SYT"),
            ("thanh-tra-tinh", "Thanh tra tỉnh", nil),
            ("van-phong-ubnd-tinh", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh"),
        ]
        for (id, name, short) in departments { blocks.append(agency(id, name, short, .department)) }
        if after {
            blocks.append("\n# UBND cấp xã (từ 01/7/2025 không còn cấp huyện). Tên dưới đây là tên mẫu: thay bằng các xã, phường có báo cáo.")
            blocks.append(agency("ubnd-phuong-a", "Ủy ban nhân dân phường A", "UBND phường A", .commune))
            blocks.append(agency("ubnd-xa-b", "Ủy ban nhân dân xã B", "UBND xã B", .commune))
            blocks.append(agency("ubnd-xa-c", "Ủy ban nhân dân xã C", "UBND xã C", .commune))
        } else {
            blocks.append("\n# UBND cấp huyện. Tên dưới đây là tên mẫu: thay bằng các huyện, thị xã, thành phố của tỉnh.")
            blocks.append(agency("ubnd-thanh-pho-a", "Ủy ban nhân dân thành phố A", "UBND thành phố A", .district))
            blocks.append(agency("ubnd-huyen-b", "Ủy ban nhân dân huyện B", "UBND huyện B", .district))
            blocks.append(agency("ubnd-huyen-c", "Ủy ban nhân dân huyện C", "UBND huyện C", .district))
        }
        blocks.append("\n# Cơ quan Trung ương trên địa bàn (kiểm tra lại tên gọi hiện hành)")
        blocks.append(agency("cuc-thue-tinh", after ? "Thuế tỉnh" : "Cục Thuế tỉnh", nil, .central))
        blocks.append(agency("bao-hiem-xa-hoi-tinh", "Bảo hiểm xã hội tỉnh", "BHXH tỉnh", .central))
        blocks.append(agency("cong-an-tinh", "Công an tỉnh", nil, .central))
        blocks.append("\n# Tổ chức, đoàn thể")
        blocks.append(agency("uy-ban-mttq-tinh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBMTTQ tỉnh", .organisation))
        blocks.append(agency("buu-dien-tinh", "Bưu điện tỉnh", nil, .organisation))
        return blocks.joined(separator: "\n") + "\n"
    }

    static func planMD(_ naming: (province: String, unit: String, host: String), year y: Int) -> String {
        let local = afterMergers(y) ? "kind:commune" : "kind:district"
        let localWords = afterMergers(y) ? "UBND cấp xã" : "UBND cấp huyện"
        return """
            ---
            # Kế hoạch mẫu: sửa theo văn bản thật, hoặc xóa tệp này khi đã thêm kế hoạch của tỉnh
            # (tạo khung kế hoạch mới bằng `cchc new plan`).
            number: 15/KH-UBND
            title: \(YAMLText.scalar("Nâng cao Chỉ số CCHC, SIPAS, PAPI \(naming.unit) năm \(y) (kế hoạch mẫu)"))
            issuer: ubnd-tinh
            issued: \(y)-01-15
            indices: [par-index, sipas, papi]
            tasks:
              - id: xay-dung-ke-hoach
                title: Xây dựng kế hoạch của cơ quan, đơn vị, địa phương cụ thể hóa nhiệm vụ được giao
                lead: [kind:department, \(local)]
                support: [so-noi-vu]
                index: [par-index/chi-dao-dieu-hanh]
                due: \(y)-02-28
                section: III.1
              - id: bao-cao-dinh-ky
                title: Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện Kế hoạch hằng quý, 6 tháng và năm
                lead: [so-noi-vu]
                index: [par-index/chi-dao-dieu-hanh]
                every: quarter
                day: 20
                due: \(y)-03-20
                section: III.4
              - id: cai-thien-tthc
                title: Nâng cao chất lượng giải quyết thủ tục hành chính tại Bộ phận một cửa các cấp
                lead: [van-phong-ubnd-tinh]
                support: [\(local)]
                index: [par-index/cai-cach-tthc, sipas/thu-tuc-hanh-chinh]
                due: \(y)
                target: Tỷ lệ hồ sơ giải quyết đúng hạn cao hơn năm \(y - 1)
                section: II.1
              - id: cong-khai-thong-tin
                title: Công khai quy hoạch, kế hoạch sử dụng đất, danh sách hộ nghèo và thu chi ngân sách cấp xã
                lead: [\(local)]
                index: [papi/cong-khai-minh-bach]
                due: \(y)-Q3
                section: II.3
              - id: so-lieu-thu-ngan-sach
                title: Cung cấp tài liệu, số liệu kiểm chứng về thu ngân sách nhà nước
                lead: [cuc-thue-tinh]
                index: [par-index/tac-dong]
                section: III.5
            ---

            ## I. Mục đích, yêu cầu

            Khắc phục các tồn tại, hạn chế của Chỉ số CCHC, SIPAS, PAPI năm \(y - 1); phấn đấu nâng cao
            điểm số và thứ hạng các chỉ số năm \(y).

            ## II. Nhiệm vụ, giải pháp

            ### 1. Chỉ số cải cách hành chính (PAR Index)

            Giữ điểm tối đa các tiêu chí đã đạt; khắc phục các tiêu chí, tiêu chí thành phần bị trừ điểm.

            ### 2. Chỉ số SIPAS

            Nâng cao chất lượng phục vụ tại Bộ phận một cửa các cấp.

            ### 3. Chỉ số PAPI

            Thực hiện đầy đủ việc công khai thông tin theo quy định.

            ## III. Tổ chức thực hiện

            **1.** Các sở, ban, ngành và tương đương; \(localWords): xây dựng kế hoạch của đơn vị trước ngày 28/02/\(y).

            **4.** Sở Nội vụ: tổng hợp, báo cáo UBND tỉnh trước ngày 20 của tháng cuối quý.

            **5.** Cơ quan thuế trên địa bàn: cung cấp kịp thời tài liệu, số liệu kiểm chứng về thu ngân sách.

            """
    }

    static func reportYML(year y: Int) -> String {
        """
        # Báo cáo mẫu của Sở Nội vụ, Quý I/\(y). Tạo báo cáo mới bằng
        #   cchc new report --agency <id cơ quan> --period <kỳ>
        agency: so-noi-vu
        period: \(y)-Q1
        reported: \(y)-03-20
        updates:
          - task: \(planID(year: y))/bao-cao-dinh-ky
            period: \(y)-Q1
            status: done
            completed: \(y)-03-18
            note: Đã báo cáo UBND tỉnh kết quả thực hiện Kế hoạch Quý I/\(y).
            evidence:
              - title: Báo cáo kết quả Quý I/\(y) (tài liệu mẫu)
                url: files/so-noi-vu/bao-cao-quy-i-\(y).txt
          - task: \(planID(year: y))/xay-dung-ke-hoach
            status: in-progress
            percent: 80
            note: Đã nhận kế hoạch của phần lớn các cơ quan, đơn vị; đang đôn đốc các đơn vị còn lại.

        """
    }
}
