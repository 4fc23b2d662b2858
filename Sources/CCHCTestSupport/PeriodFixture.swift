/// A small site made by hand for the period tests. Its pairs, with the states worked out on paper:
///
/// | pair | due | what the reports say |
/// |---|---|---|
/// | t1 · SNV | 31/05 | done 10/07 (late), report of 15/07 |
/// | t2 · SNV, STP, STC (kind:department) | 31/08 | SNV done 20/08 (monthly report 2024-08); STP in progress (20/09); STC done in a report dated 05/10 |
/// | t3 · STP, monthly 04…09, day 25 | 25th | 04 done, 05 done late (report of 20/06); 07 done, 08 in progress (20/09); 06, 09 nothing |
/// | t4 · huyện A | 31/12 | in progress, in a report for 2024-H2 dated 15/09 |
/// | t5 · SNV | 31/03 | done 20/03 (report of 25/03) |
/// | t6 · SNV | 30/09 | in progress (15/07), then done 27/09 in a supplementary report of 28/09 |
/// | t7 · STP | 30/06 | nothing |
/// | u1 · UBND tỉnh (plan issued 01/08) | 31/12 | nothing |
public enum PeriodFixture {
    public static let files: [String: String] = [
        "site.yml": "title: T\nprovince: Bắc Kạn\nbase_url: https://example.gov.vn/\nas_of: 2024-09-30\nreporting: quarter\n",
        "content/agencies.yml": """
        - id: ubnd-tinh
          name: Ủy ban nhân dân tỉnh Bắc Kạn
          short: UBND tỉnh
          kind: province
        - id: so-noi-vu
          name: Sở Nội vụ
          short: SNV
          kind: department
        - id: so-tu-phap
          name: Sở Tư pháp
          short: STP
          kind: department
        - id: so-tai-chinh
          name: Sở Tài chính
          short: STC
          kind: department
        - id: ubnd-huyen-a
          name: Ủy ban nhân dân huyện A
          kind: district

        """,
        "content/indices/par-index.yml": """
        name: Chỉ số cải cách hành chính
        short: PAR Index
        max: 100
        results:
          - year: 2021
            score: 80
            rank: 40
            of: 63
          - year: 2023
            score: 82
            rank: 36
            of: 63
        targets:
          - year: 2025
            score: 86
            rank: 30

        """,
        "content/plans/kh-1.md": """
        ---
        number: 1/KH-UBND
        title: Kế hoạch thử
        issuer: ubnd-tinh
        issued: 2024-01-15
        indices: [par-index]
        tasks:
          - id: t1
            title: Nhiệm vụ một
            lead: [so-noi-vu]
            due: 2024-05-31
          - id: t2
            title: Nhiệm vụ hai
            lead: [kind:department]
            due: 2024-08-31
          - id: t3
            title: Báo cáo tháng
            lead: [so-tu-phap]
            every: month
            day: 25
            due: 2024-04
            until: 2024-09
          - id: t4
            title: Nhiệm vụ của huyện
            lead: [ubnd-huyen-a]
            due: 2024-12-31
          - id: t5
            title: Nhiệm vụ quý I
            lead: [so-noi-vu]
            due: 2024-03-31
          - id: t6
            title: Nhiệm vụ có báo cáo bổ sung
            lead: [so-noi-vu]
            due: 2024-09-30
          - id: t7
            title: Nhiệm vụ hạn cuối quý II
            lead: [so-tu-phap]
            due: 2024-06-30
        ---

        """,
        "content/plans/kh-2.md": """
        ---
        number: 2/KH-UBND
        title: Kế hoạch ban hành tháng 8
        issuer: ubnd-tinh
        issued: 2024-08-01
        tasks:
          - id: u1
            title: Nhiệm vụ của tỉnh
            lead: [ubnd-tinh]
            due: 2024-12-31
        ---

        """,
        "content/progress/2024-Q1/so-noi-vu.yml": report("so-noi-vu", "2024-Q1", "2024-03-25", [("kh-1/t5", "done", "2024-03-20", nil)]),
        "content/progress/2024-Q2/so-tu-phap.yml": report(
            "so-tu-phap", "2024-Q2", "2024-06-20",
            [
                ("kh-1/t3", "done", "2024-04-25", "2024-04"), ("kh-1/t3", "done", "2024-06-01", "2024-05"),
            ]),
        "content/progress/2024-Q3/so-noi-vu.yml": report(
            "so-noi-vu", "2024-Q3", "2024-07-15",
            [
                ("kh-1/t1", "done", "2024-07-10", nil), ("kh-1/t6", "in-progress", nil, nil),
            ]),
        "content/progress/2024-08/so-noi-vu.yml": report("so-noi-vu", "2024-08", "2024-08-25", [("kh-1/t2", "done", "2024-08-20", nil)]),
        "content/progress/2024-Q3/so-noi-vu-bo-sung.yml": report("so-noi-vu", "2024-Q3", "2024-09-28", [("kh-1/t6", "done", "2024-09-27", nil)]),
        "content/progress/2024-Q3/so-tu-phap.yml": report(
            "so-tu-phap", "2024-Q3", "2024-09-20",
            [
                ("kh-1/t3", "done", "2024-07-20", "2024-07"), ("kh-1/t3", "in-progress", nil, "2024-08"), ("kh-1/t2", "in-progress", nil, nil),
            ]),
        "content/progress/2024-Q3/so-tai-chinh.yml": report("so-tai-chinh", "2024-Q3", "2024-10-05", [("kh-1/t2", "done", "2024-10-01", nil)]),
        "content/progress/2024-H2/ubnd-huyen-a.yml": report("ubnd-huyen-a", "2024-H2", "2024-09-15", [("kh-1/t4", "in-progress", nil, nil)]),
    ]

    /// A report file: (task, status, completed, period) per update.
    public static func report(_ agency: String, _ period: String, _ reported: String, _ updates: [(String, String, String?, String?)]) -> String {
        var text = "agency: \(agency)\nperiod: \(period)\nreported: \(reported)\nupdates:\n"
        for (task, status, completed, occurrence) in updates {
            text += "  - task: \(task)\n    status: \(status)\n"
            if let completed { text += "    completed: \(completed)\n" }
            if let occurrence { text += "    period: \(occurrence)\n" }
        }
        return text
    }

    /// Every pair of the fixture, written out by hand: task, lead, occurrence period, due day, and
    /// the issue date of its plan.
    public static let pairs: [(task: String, agency: String, period: String?, due: String, issued: String)] = {
        var out: [(String, String, String?, String, String)] = [("kh-1/t1", "so-noi-vu", nil, "2024-05-31", "2024-01-15")]
        for agency in ["so-noi-vu", "so-tu-phap", "so-tai-chinh"] { out.append(("kh-1/t2", agency, nil, "2024-08-31", "2024-01-15")) }
        for month in 4...9 { out.append(("kh-1/t3", "so-tu-phap", "2024-0\(month)", "2024-0\(month)-25", "2024-01-15")) }
        out += [
            ("kh-1/t4", "ubnd-huyen-a", nil, "2024-12-31", "2024-01-15"), ("kh-1/t5", "so-noi-vu", nil, "2024-03-31", "2024-01-15"),
            ("kh-1/t6", "so-noi-vu", nil, "2024-09-30", "2024-01-15"), ("kh-1/t7", "so-tu-phap", nil, "2024-06-30", "2024-01-15"),
            ("kh-2/u1", "ubnd-tinh", nil, "2024-12-31", "2024-08-01"),
        ]
        return out
    }()
}
