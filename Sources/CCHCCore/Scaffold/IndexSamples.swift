/// The five indices of a new site: names, areas and maxima as `docs/domain.md` gives them, no results.
///
/// Results are left for the province to enter from the published decisions: a scaffold must not
/// invent scores.
enum IndexSamples {
    /// An area entry.
    static func area(_ id: String, _ name: String, max: String?, lead: String?) -> String {
        var lines = ["  - id: \(id)", "    name: \(YAMLText.scalar(name))"]
        if let max { lines.append("    max: \(max)") }
        if let lead { lines.append("    lead: \(lead)") }
        return lines.joined(separator: "\n")
    }

    /// The commented block that shows how to enter results and targets.
    static func resultsHelp(example: String, year: Int) -> String {
        """
        # Kết quả công bố, mỗi năm một mục (điểm viết dấu chấm thập phân: 85.95):
        # results:
        #   - year: \(year - 1)
        #     score: \(example)
        #     rank: 30
        #     of: \(year >= 2026 ? 34 : 63)
        #     areas: {…: …}          # điểm từng lĩnh vực, theo id ở trên (không bắt buộc)
        # Mục tiêu của tỉnh (không bắt buộc):
        # targets:
        #   - year: \(year)
        #     rank: 20
        results: []

        """
    }

    static func parIndex(year: Int) -> String {
        let after = year >= 2025
        let areas = [
            area("chi-dao-dieu-hanh", "Công tác chỉ đạo, điều hành cải cách hành chính", max: "10", lead: "so-noi-vu"),
            area("cai-cach-the-che", "Cải cách thể chế", max: "10", lead: "so-tu-phap"),
            area("cai-cach-tthc", "Cải cách thủ tục hành chính", max: "14.5", lead: "van-phong-ubnd-tinh"),
            area("to-chuc-bo-may", "Cải cách tổ chức bộ máy hành chính nhà nước", max: "11", lead: "so-noi-vu"),
            area("che-do-cong-vu", "Cải cách chế độ công vụ", max: "16", lead: "so-noi-vu"),
            area("tai-chinh-cong", "Cải cách tài chính công", max: "7", lead: "so-tai-chinh"),
            area(
                "chinh-quyen-so", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", max: "16",
                lead: after ? "so-khoa-hoc-va-cong-nghe" : "so-thong-tin-va-truyen-thong"),
            area(
                "tac-dong", "Tác động của cải cách hành chính đến người dân, tổ chức và các chỉ tiêu phát triển kinh tế - xã hội của tỉnh",
                max: "15.5", lead: after ? "so-tai-chinh" : "so-ke-hoach-va-dau-tu"),
        ]
        return """
            # Chỉ số cải cách hành chính (PAR Index) do Bộ Nội vụ công bố hằng năm.
            # Tên lĩnh vực theo Quyết định 876/QĐ-BNV; điểm tối đa từng lĩnh vực dưới đây là của phương pháp
            # 2948/QĐ-BNV (tổng 100), chỉ để minh họa: sửa theo quyết định đang áp dụng trước khi công bố.
            # Tiêu chí (TC, TCTP) thêm vào `criteria` của từng lĩnh vực, ví dụ:
            #     criteria:
            #       - code: "1.1"
            #         name: Kế hoạch cải cách hành chính năm
            #         max: 1.5
            name: Chỉ số cải cách hành chính
            short: PAR Index
            publisher: Bộ Nội vụ
            max: 100
            unit: điểm
            areas:
            \(areas.joined(separator: "\n"))
            \(resultsHelp(example: "86.5", year: year))
            """
    }

    static let sipas: String = {
        let areas = [
            area("tiep-can-dich-vu", "Tiếp cận dịch vụ", max: "100", lead: nil),
            area("thu-tuc-hanh-chinh", "Thủ tục hành chính", max: "100", lead: "van-phong-ubnd-tinh"),
            area("cong-chuc", "Công chức trực tiếp giải quyết công việc", max: "100", lead: "so-noi-vu"),
            area("ket-qua-dich-vu", "Kết quả dịch vụ", max: "100", lead: nil),
            area("gop-y-phan-anh", "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị", max: "100", lead: "van-phong-ubnd-tinh"),
        ]
        return """
            # Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS),
            # Bộ Nội vụ công bố cùng Chỉ số CCHC, tính theo tỷ lệ phần trăm. Từ năm 2022 phương pháp điều tra
            # thay đổi: kết quả trước và sau năm 2022 không so sánh trực tiếp được.
            name: Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước
            short: SIPAS
            publisher: Bộ Nội vụ
            max: 100
            unit: "%"
            areas:
            \(areas.joined(separator: "\n"))
            # Kết quả công bố, mỗi năm một mục, ví dụ:
            # results:
            #   - year: 2024
            #     score: 82.25
            results: []

            """
    }()

    static let papi: String = {
        let areas = [
            area("tham-gia-co-so", "Tham gia của người dân ở cấp cơ sở", max: "10", lead: "so-noi-vu"),
            area("cong-khai-minh-bach", "Công khai, minh bạch trong việc ra quyết định ở địa phương", max: "10", lead: nil),
            area("trach-nhiem-giai-trinh", "Trách nhiệm giải trình với người dân", max: "10", lead: "thanh-tra-tinh"),
            area("kiem-soat-tham-nhung", "Kiểm soát tham nhũng trong khu vực công", max: "10", lead: "thanh-tra-tinh"),
            area("thu-tuc-hanh-chinh-cong", "Thủ tục hành chính công", max: "10", lead: "van-phong-ubnd-tinh"),
            area("cung-ung-dich-vu-cong", "Cung ứng dịch vụ công", max: "10", lead: nil),
            area("quan-tri-moi-truong", "Quản trị môi trường", max: "10", lead: nil),
            area("quan-tri-dien-tu", "Quản trị điện tử", max: "10", lead: nil),
        ]
        return """
            # Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI) do UNDP, CECODES và các đối tác công bố.
            # 8 nội dung, mỗi nội dung 1-10 điểm; tổng điểm là tổng 8 nội dung (tối đa 80).
            # Cơ quan phụ trách (`lead`) từng nội dung là gợi ý: PAPI không phân công, tỉnh tự giao.
            name: Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh
            short: PAPI
            publisher: UNDP, CECODES và các đối tác
            max: 80
            unit: điểm
            areas:
            \(areas.joined(separator: "\n"))
            # Kết quả công bố, mỗi năm một mục; `of` là số tỉnh được xếp hạng năm đó, ví dụ:
            # results:
            #   - year: 2023
            #     score: 42.37
            #     rank: 30
            #     of: 61
            results: []

            """
    }()

    static func pci(year: Int) -> String {
        let after = year >= 2025
        let planning = after ? "so-tai-chinh" : "so-ke-hoach-va-dau-tu"
        let land = after ? "so-nong-nghiep-va-moi-truong" : "so-tai-nguyen-va-moi-truong"
        let areas = [
            area("gia-nhap-thi-truong", "Gia nhập thị trường", max: nil, lead: planning),
            area("tiep-can-dat-dai", "Tiếp cận đất đai", max: nil, lead: land),
            area("minh-bach", "Tính minh bạch", max: nil, lead: "van-phong-ubnd-tinh"),
            area("chi-phi-thoi-gian", "Chi phí thời gian", max: nil, lead: "van-phong-ubnd-tinh"),
            area("chi-phi-khong-chinh-thuc", "Chi phí không chính thức", max: nil, lead: "thanh-tra-tinh"),
            area("canh-tranh-binh-dang", "Cạnh tranh bình đẳng", max: nil, lead: planning),
            area("nang-dong", "Tính năng động của chính quyền tỉnh", max: nil, lead: "van-phong-ubnd-tinh"),
            area("ho-tro-doanh-nghiep", "Dịch vụ hỗ trợ doanh nghiệp", max: nil, lead: planning),
            area("dao-tao-lao-dong", "Đào tạo lao động", max: nil, lead: nil),
            area("thiet-che-phap-ly", "Thiết chế pháp lý và an ninh trật tự", max: nil, lead: "so-tu-phap"),
        ]
        return """
            # Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) do VCCI công bố, từ khảo sát doanh nghiệp.
            # 10 chỉ số thành phần có trọng số, tổng tối đa 100. Tên chỉ số thành phần nên đối chiếu với trang PCI;
            # điểm tối đa từng chỉ số thành phần chưa ghi vì trọng số thay đổi theo năm.
            name: Chỉ số năng lực cạnh tranh cấp tỉnh
            short: PCI
            publisher: Phòng Thương mại và Công nghiệp Việt Nam (VCCI)
            max: 100
            unit: điểm
            areas:
            \(areas.joined(separator: "\n"))
            results: []

            """
    }

    static func dti(year: Int) -> String {
        let lead = year >= 2025 ? "so-khoa-hoc-va-cong-nghe" : "so-thong-tin-va-truyen-thong"
        let areas = [
            area("chinh-quyen-so", "Chính quyền số", max: nil, lead: lead),
            area("kinh-te-so", "Kinh tế số", max: nil, lead: lead),
            area("xa-hoi-so", "Xã hội số", max: nil, lead: lead),
        ]
        return """
            # Chỉ số đánh giá chuyển đổi số (DTI). Theo Quyết định 922/QĐ-BTTTT thang điểm là 1.000;
            # nhiều văn bản ghi kết quả dạng tỷ lệ 0-1 (khi đó đặt `max: 1`). Từ năm 2025 Bộ Khoa học và
            # Công nghệ công bố theo phương pháp mới: kiểm tra lại cơ quan công bố và thang điểm.
            name: Chỉ số đánh giá chuyển đổi số
            short: DTI
            publisher: \(year >= 2025 ? "Bộ Khoa học và Công nghệ" : "Bộ Thông tin và Truyền thông")
            max: 1000
            unit: điểm
            areas:
            \(areas.joined(separator: "\n"))
            results: []

            """
    }
}
