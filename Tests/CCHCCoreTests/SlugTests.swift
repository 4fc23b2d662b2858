import Testing

@testable import CCHCCore

struct SlugTests {
    @Test(arguments: [
        ("Sở Thông tin và Truyền thông", "so-thong-tin-va-truyen-thong"),
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
        ("Quý III/2021", "quy-iii-2021"),
        ("Ủy ban nhân dân tỉnh", "uy-ban-nhan-dan-tinh"),
        ("Uỷ ban nhân dân tỉnh", "uy-ban-nhan-dan-tinh"),
        ("II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP", "ii-muc-tieu-nhiem-vu-va-giai-phap"),
        ("Đắk Lắk", "dak-lak"),
        ("  --Hà Nội--  ", "ha-noi"),
        ("", ""),
    ])
    func slug(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func decomposedInputGivesTheSameSlug() {
        let nfd = "Sở Nội vụ".decomposedStringWithCanonicalMapping
        #expect(Slug.make(nfd) == "so-noi-vu")
    }

    @Test func slugIsAtMost64Characters() {
        let long = String(repeating: "Nhiệm vụ ", count: 20)
        let slug = Slug.make(long)
        #expect(slug.count <= 64)
        #expect(!slug.hasSuffix("-"))
    }

    @Test(arguments: [
        ("so-noi-vu", true), ("So-noi-vu", false), ("", false), ("a_b", false),
        (String(repeating: "a", count: 65), false), ("no", true),
    ])
    func validID(id: String, valid: Bool) {
        #expect(Slug.isValidID(id) == valid)
    }
}

/// A task id hashes its two parts once, when it is made; equality and hashing must still follow both parts.
struct TaskIDTests {
    @Test func parsedAndBuiltIDsAreTheSameKey() {
        let built = TaskID(plan: "kh-1", local: "mot-lan")
        let parsed = TaskID("kh-1/mot-lan")!
        #expect(built == parsed)
        #expect(built.hashValue == parsed.hashValue)
        #expect([built: 1][parsed] == 1)
    }

    @Test func theSplitBetweenPlanAndTaskMatters() {
        let a = TaskID("kh-1/a-b")!, b = TaskID("kh-1-a/b")!, c = TaskID("kh-2/a-b")!
        #expect(a != b)
        #expect(a != c)
        let keys: Set = [a, b, c, TaskID(plan: "kh-1", local: "a-b")]
        #expect(keys.count == 3)
        #expect(a.description == "kh-1/a-b")
    }
}
