/// Small sites written in code, so each test shows the few lines it depends on.
public enum Fixtures {
    /// `site.yml` of the tiny site.
    public static let siteYML = """
        title: Theo dõi kế hoạch CCHC (thử)
        province: Bắc Kạn
        base_url: https://example.gov.vn/cchc/
        as_of: 2024-09-30

        """

    /// Four agencies: one of each kind the tests need.
    public static let agenciesYML = """
        - id: ubnd-tinh
          name: Ủy ban nhân dân tỉnh
          short: UBND tỉnh
          kind: province
        - id: so-noi-vu
          name: Sở Nội vụ
          short: SNV
          kind: department
        - id: so-tu-phap
          name: Sở Tư pháp
          kind: department
        - id: ubnd-huyen-a
          name: UBND huyện A
          kind: district

        """

    /// One index with one area and one criterion, and one result.
    public static let indexYML = """
        name: Chỉ số cải cách hành chính
        short: PAR Index
        max: 100
        areas:
          - id: chi-dao
            name: Công tác chỉ đạo, điều hành
            max: 9
            criteria:
              - code: "1.1"
                name: Kế hoạch CCHC năm
                max: 1.5
        results:
          - year: 2023
            score: 85.95
            rank: 28
            of: 63

        """

    /// One plan with a one-off task (lead SNV, support STP) and a monthly task.
    public static let planMD = """
        ---
        number: 1/KH-UBND
        title: Kế hoạch thử nghiệm
        issuer: ubnd-tinh
        issued: 2024-06-08
        indices: [par-index]
        tasks:
          - id: mot-lan
            title: Nhiệm vụ một lần
            lead: [so-noi-vu]
            support: [so-tu-phap]
            index: [par-index/chi-dao]
            due: 2024-06-30
          - id: hang-thang
            title: Báo cáo hằng tháng
            lead: [so-noi-vu]
            every: month
            due: 2024-07
            until: 2024-12
        ---
        Văn bản kế hoạch.

        """

    /// SNV's report: the one-off task done, the July occurrence done.
    public static let reportYML = """
        agency: so-noi-vu
        period: 2024-Q3
        reported: 2024-09-25
        updates:
          - task: kh-1/mot-lan
            status: done
            percent: 100
            completed: 2024-06-28
          - task: kh-1/hang-thang
            status: done
            completed: 2024-07-25
            period: 2024-07

        """

    /// The tiny site: valid, with no diagnostics at all.
    public static let minimal: [String: String] = [
        "site.yml": siteYML,
        "content/agencies.yml": agenciesYML,
        "content/indices/par-index.yml": indexYML,
        "content/plans/kh-1.md": planMD,
        "content/progress/2024-Q3/so-noi-vu.yml": reportYML,
        "content/files/snv/bao-cao.txt": "Báo cáo minh họa.\n",
    ]

    /// The tiny site with some files replaced or added (a `nil` text removes the file).
    public static func minimal(_ changes: [String: String?]) -> [String: String] {
        var files = minimal
        for (path, text) in changes { files[path] = text }
        return files
    }
}
