import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// Deadlines as plans write them, read into `due`, `every`, `day` (domain guide §4).
struct DeadlineReaderTests {
    static let issued = Day(year: 2024, month: 6, day: 8)!

    @Test(arguments: [
        ("xây dựng kế hoạch trước ngày 20/6/2024", "2024-06-20"),
        ("gửi báo cáo trước 30/6", "2024-06-30"),
        ("hoàn thành trước ngày 15/3", "2025-03-15"), // before the issue date: next year
        ("thành lập trong Quý III/2024", "2024-Q3"),
        ("hoàn thành trong quý 4 năm 2024", "2024-Q4"),
        ("ban hành trong tháng 12/2023", "2023-12"),
        ("trước tháng 12/2024 báo cáo UBND tỉnh", "2024-11"), // before December: by the end of November
        ("trước tháng 1/2025", "2024-12"),
        ("hoàn thành 6 tháng đầu năm", "2024-H1"),
        ("thực hiện 6 tháng cuối năm 2024", "2024-H2"),
        ("hoàn thành trong năm 2023", "2023"),
        ("chậm nhất ngày 05 tháng 7 năm 2024", "2024-07-05"),
        ("Truoc ngay 20/6/2024", "2024-06-20"), // without diacritics
    ])
    func oneOffDeadlines(_ text: String, _ due: String) {
        let found = DeadlineReader.read(text, issued: Self.issued)
        #expect(found.first?.due?.description == due, "\(found)")
        #expect(found.first?.every == nil)
    }

    @Test(arguments: [
        ("báo cáo hằng tháng, trước ngày 25", PeriodKind.month, 25 as Int?, "2024-06-25"),
        ("định kỳ hằng quý báo cáo UBND tỉnh", .quarter, nil, "2024-06-30"),
        ("báo cáo hàng quý, 6 tháng và năm trước ngày 20 của tháng cuối quý", .quarter, 20, "2024-06-20"),
        ("gửi Sở Nội vụ trước ngày 25/12 hằng năm", .year, 25, "2024-12-25"),
        ("báo cáo UBND tỉnh trước ngày 30 của tháng", .month, 30, "2024-06-30"),
        ("báo cáo định kỳ hằng tháng trước ngày 5", .month, 5, "2024-07-05"), // June 5 is before the plan
    ])
    func rhythms(_ text: String, _ every: PeriodKind, _ day: Int?, _ due: String) {
        let found = DeadlineReader.read(text, issued: Self.issued)
        #expect(found.first?.every == every, "\(found)")
        #expect(found.first?.day == day)
        #expect(found.first?.due?.description == due)
    }

    @Test func untilComesFromTheYearsTheTaskRunsTo() {
        let found = DeadlineReader.read("báo cáo hằng năm trước ngày 20/12, giai đoạn 2021-2025", issued: Self.issued)
        #expect(found.first?.until?.description == "2025")
        let onwards = DeadlineReader.read("báo cáo hằng năm trước ngày 20/12 trong năm 2024 và các năm tiếp theo", issued: Self.issued)
        #expect(onwards.first?.note?.contains("until") == true)
    }

    @Test(arguments: ["thường xuyên theo dõi", "cung cấp khi có yêu cầu", "thực hiện theo yêu cầu của Bộ", "thông tin kịp thời"])
    func wordsThatSetNoDeadline(_ text: String) {
        let found = DeadlineReader.read(text, issued: Self.issued)
        #expect(found.count == 1 && found[0].openEnded && found[0].due == nil, "\(found)")
    }

    @Test(arguments: ["theo Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ", "Chỉ số CCHC năm 2023 đạt 85,95%", "đạt 10/10 cơ quan"])
    func citationsAndFiguresAreNotDeadlines(_ text: String) {
        #expect(DeadlineReader.read(text, issued: Self.issued).isEmpty)
    }

    @Test(arguments: [
        ("30/6/2024", "2024-06-30"), ("Quý III/2024", "2024-Q3"), ("Tháng 12/2024", "2024-12"), ("Năm 2024", "2024"), ("6 tháng đầu năm", "2024-H1"),
    ])
    func tableCellsAreReadBare(_ cell: String, _ due: String) {
        #expect(DeadlineReader.read(cell, issued: Self.issued, bare: true).first?.due?.description == due)
    }
}

/// Names of the example site's agencies as documents write them.
struct AgencyMatcherTests {
    static let site: LoadedSite = {
        let result = SiteLoader.load(root: Package.root)
        return result.site!
    }()
    static let matcher = AgencyMatcher(agencies: site.site.agencies, province: site.site.settings.province)

    static func targets(_ text: String, lenient: Bool = false) -> [String] {
        matcher.mentions(in: text, lenient: lenient).map {
            switch $0.target {
            case .agency(let id): return id.rawValue
            case .kind(let kind): return "kind:\(kind.rawValue)"
            case .issuerUnits: return "units"
            }
        }
    }

    @Test(arguments: [
        ("Sở Nội vụ", ["so-noi-vu"]), ("SỞ NỘI VỤ", ["so-noi-vu"]), ("Sở Nội vụ tỉnh Bắc Kạn", ["so-noi-vu"]),
        ("Sở TT&TT", ["so-thong-tin-va-truyen-thong"]), ("Sở Thông tin - Truyền thông", ["so-thong-tin-va-truyen-thong"]),
        ("VP UBND tỉnh", ["van-phong-ubnd-tinh"]), ("Văn phòng Uỷ ban nhân dân tỉnh", ["van-phong-ubnd-tinh"]),
        ("Sở LĐ-TB&XH", ["so-lao-dong-thuong-binh-va-xa-hoi"]), ("Sở Kế hoạch - Đầu tư", ["so-ke-hoach-va-dau-tu"]),
        ("Sở GTVT", ["so-giao-thong-van-tai"]), ("Bảo hiểm xã hội tỉnh, Công an tỉnh", ["bao-hiem-xa-hoi-tinh", "cong-an-tinh"]),
        ("Các sở, ban, ngành và tương đương; UBND cấp huyện", ["kind:department", "kind:district"]),
        ("UBND các huyện, thành phố", ["kind:district"]), ("Ủy ban nhân dân cấp xã", ["kind:commune"]),
        ("các cơ quan Trung ương đóng trên địa bàn tỉnh", ["kind:central"]), ("các phòng, đơn vị thuộc Sở", ["units"]),
        ("Sở Tư pháp, Sở Tài chính và Sở Y tế", ["so-tu-phap", "so-tai-chinh", "so-y-te"]),
        ("các cơ quan chuyên môn thuộc UBND tỉnh", ["kind:department"]),
        ("Bộ Nội vụ", []), ("Sở Ngoại vụ", []), ("sở hữu trí tuệ", []),
    ])
    func names(_ text: String, _ expected: [String]) {
        #expect(Self.targets(text) == expected)
    }

    @Test(arguments: [
        ("So Noi vu", ["so-noi-vu"]), ("S0 N6i vu", ["so-noi-vu"]), ("Sé Nôi vu", ["so-noi-vu"]), ("So Tai chinh", ["so-tai-chinh"]),
        ("UBND cap huyen", ["kind:district"]), ("Van phong UBND tinh", ["van-phong-ubnd-tinh"]),
    ])
    func namesDamagedByOCR(_ text: String, _ expected: [String]) {
        #expect(Self.targets(text, lenient: true) == expected)
    }

    @Test func lenientMatchingIsOnlyForDamagedText() {
        #expect(Self.targets("Sé Nôi vu") == [])
        #expect(
            OCRDamage(
                "S0 N6i vu chu tri xay dung ke hoach cua co quan truoc ngay 20 thang 6, bao cao UBND tinh ket qua thuc hien; Phong Ke hoach tai chinh phoi hop thuc hien cac noi dung duoc giao trong ke hoach nay"
            ).isDamaged)
        // The prose of an example plan (after its front matter) is clean.
        let file = try! String(contentsOf: Package.root.appendingPathComponent("content/plans/kh-ubnd-386-2024.md"), encoding: .utf8)
        let prose = file.components(separatedBy: "\n---\n").last!
        let damage = OCRDamage(prose)
        #expect(damage.words > 100 && !damage.isDamaged, "\(damage)")
    }
}
