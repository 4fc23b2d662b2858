import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

// MARK: - Fixture pieces

/// The tiny plan with one more task (and optional extra front-matter lines), so a defect in the
/// new task leaves the fixture's reports valid.
private func plan(extraTask: String = "", header: String = "") -> String {
    """
    ---
    number: 1/KH-UBND
    title: Kế hoạch thử nghiệm
    issuer: ubnd-tinh
    issued: 2024-06-08
    \(header)tasks:
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
    \(extraTask)---
    Văn bản kế hoạch.

    """
}

/// A second report file with the given updates (each line already indented by two spaces).
private func report(_ updates: String, agency: String = "so-noi-vu", reported: String = "2024-09-26") -> String {
    """
    agency: \(agency)
    period: 2024-Q3
    reported: \(reported)
    updates:
    \(updates)
    """
}

private let extraReport = "content/progress/2024-Q3/bo-sung.yml"
private let extraIndex = "content/indices/pci.yml"
private let planPath = "content/plans/kh-1.md"
private let agenciesPath = "content/agencies.yml"

/// A second index with one area, for index-file defects.
private func index(_ rest: String, max: String = "100") -> String {
    """
    name: Chỉ số năng lực cạnh tranh cấp tỉnh
    short: PCI
    max: \(max)
    \(rest)
    """
}

/// Latin-1 view of bytes: how a legacy-encoded file is written in a fixture.
private func latin1(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8($0.value) }
}

// MARK: - Cases

/// One site with exactly one defect, marked `⟨E⟩` where the diagnostic must point.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// A short name shown in the test list.
    var name: String
    /// Files replaced or added on top of `Fixtures.minimal`.
    var files: [String: String?] = [:]
    /// Raw files (for encodings), added too.
    var binary: [String: [UInt8]] = [:]
    /// The location when the defect sits in a raw file (no marker possible).
    var location: String?
    var severity: Severity = .error
    /// The message; `{F}` stands for the line of a second marker `⟨F⟩` (the first occurrence).
    var message: String
    /// Whether `message` is the whole message (else a distinctive part of it).
    var exact = true

    var testDescription: String { name }

    init(
        _ name: String, _ files: [String: String?], binary: [String: [UInt8]] = [:], at location: String? = nil,
        _ message: String, severity: Severity = .error, exact: Bool = true
    ) {
        self.name = name
        self.files = files
        self.binary = binary
        self.location = location
        self.severity = severity
        self.message = message
        self.exact = exact
    }
}

extension BadInput {
    static let syntaxAndFiles: [BadInput] = [
        BadInput(
            "YAML syntax error", [extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n    note: Đã xong⟨E⟩: ghi chú\n")],
            "YAML syntax: mapping values are not allowed in this context", exact: false),
        BadInput(
            "empty report file", [extraReport: "⟨E⟩"],
            "the file is empty; a report needs `agency`, `period`, `reported` and `updates`"),
        BadInput(
            "empty plan file", ["content/plans/kh-2.md": "⟨E⟩\n"],
            "the file is empty; a plan starts with front matter between `---` lines"),
        BadInput(
            "plan without front matter", ["content/plans/kh-2.md": "⟨E⟩# Kế hoạch\n\nVăn bản.\n"],
            "the plan has no front matter; start the file with a line `---`, the plan's keys (number, title, issuer, issued, tasks), and another `---`"),
        BadInput(
            "front matter not closed", ["content/plans/kh-2.md": "⟨E⟩---\nnumber: 2/KH\ntitle: Hai\nissuer: ubnd-tinh\nissued: 2024-06-08\n\nVăn bản.\n"],
            "the front matter is not closed; add a line `---` after the plan's keys, before its text"),
        BadInput(
            "plan file name not a slug", ["content/plans/Kế hoạch 2.md": "⟨E⟩---\nnumber: 2/KH\ntitle: Hai\nissuer: ubnd-tinh\nissued: 2024-06-08\n---\n"],
            "the file name `Kế hoạch 2.md` is not a valid plan id: rename it to lowercase ASCII letters, digits and `-`, for example `ke-hoach-2.md`"),
        BadInput(
            "not UTF-8", [:],
            binary: [extraReport: Array("agency: so-noi-vu\nperiod: 2024-Q3\nreported: 2024-09-26\nupdates: []\n# ".utf8) + [0xFF, 0xFE, 0x0A]],
            at: "\(extraReport):5:3", "the file is not valid UTF-8; save it again as UTF-8"),
        BadInput(
            "TCVN3 file", [:],
            binary: [
                extraReport: Array(
                    "agency: so-noi-vu\nperiod: 2024-Q3\nreported: 2024-09-26\nupdates:\n  - task: kh-1/mot-lan\n    status: in-progress\n    note: ".utf8)
                    + latin1(
                        "S\u{EB} N\u{E9}i v\u{F4} K\u{D5} ho\u{B9}ch th\u{F9}c hi\u{D6}n nhi\u{D6}m v\u{F4} C\u{E9}ng ho\u{B5} x\u{B7} h\u{E9}i ch\u{F1} ngh\u{DC}a Vi\u{D6}t Nam\n"
                    )
            ],
            at: "\(extraReport):7:12",
            "the file is not valid UTF-8; it looks like TCVN3 (ABC) text: convert it to Unicode (UTF-8), for example with Unikey's converter, and save it again"
        ),
        BadInput(
            "VNI file", [:],
            binary: [
                extraReport: Array(
                    "agency: so-noi-vu\nperiod: 2024-Q3\nreported: 2024-09-26\nupdates:\n  - task: kh-1/mot-lan\n    status: in-progress\n    note: ".utf8)
                    + latin1(
                        "S\u{F4}\u{FB} No\u{E4}i vu\u{EF} Ke\u{E1} hoa\u{EF}ch th\u{F6}\u{EF}c hie\u{E4}n nhie\u{E4}m vu\u{EF} Co\u{E4}ng ho\u{F8}a xa\u{F5} ho\u{E4}i chu\u{FB} ngh\u{F3}a Vie\u{E4}t Nam\n"
                    )
            ],
            at: "\(extraReport):7:12",
            "the file is not valid UTF-8; it looks like VNI text: convert it to Unicode (UTF-8), for example with Unikey's converter, and save it again"),
    ]

    static let settings: [BadInput] = [
        BadInput(
            "bad base_url", ["site.yml": "title: T\nprovince: Bắc Kạn\nbase_url: ⟨E⟩backan.gov.vn/cchc\nas_of: 2024-09-30\n"],
            "`base_url` must be an absolute http(s) URL such as https://backan.gov.vn/cchc/, found `backan.gov.vn/cchc`"),
        BadInput(
            "bad language", ["site.yml": Fixtures.siteYML + "language: ⟨E⟩fr\n"],
            "`language` must be `vi` or `en`, found `fr`"),
        BadInput(
            "unknown key in site.yml", ["site.yml": Fixtures.siteYML + "⟨E⟩langauge: vi\n"],
            "unknown key `langauge` in site.yml; did you mean `language`?"),
        BadInput(
            "impossible as_of", ["site.yml": "title: T\nprovince: Bắc Kạn\nbase_url: https://example.gov.vn/\nas_of: ⟨E⟩2024-02-30\n"],
            "`as_of` is 2024-02-30, a date that does not exist; check the day and month"),
        BadInput(
            "unsafe_html yes", ["site.yml": Fixtures.siteYML + "unsafe_html: ⟨E⟩yes\n"],
            "`unsafe_html` must be `true` or `false`, found `yes`"),
        BadInput(
            "reporting misspelt", ["site.yml": Fixtures.siteYML + "reporting: ⟨E⟩quater\n"],
            "`reporting` must be `month`, `quarter`, `half` or `year`, found `quater`; did you mean `quarter`?"),
        BadInput(
            "reporting in Vietnamese", ["site.yml": Fixtures.siteYML + "reporting: ⟨E⟩quý\n"],
            "`reporting` must be `month`, `quarter`, `half` or `year`, found `quý`"),
    ]

    static let agencies: [BadInput] = [
        BadInput(
            "duplicate agency id", [agenciesPath: Fixtures.agenciesYML + "- id: ⟨E⟩so-noi-vu\n  name: Sở Nội vụ (trùng)\n  kind: department\n"],
            "duplicate agency id `so-noi-vu` (first at line 5); give each agency its own id"),
        BadInput(
            "unknown kind", [agenciesPath: Fixtures.agenciesYML + "- id: so-moi\n  name: Sở mới\n  kind: ⟨E⟩departmnt\n"],
            "`kind` must be one of `province`, `department`, `district`, `commune`, `central`, `organisation`, found `departmnt`; did you mean `department`?"),
        BadInput(
            "agency id not a slug", [agenciesPath: Fixtures.agenciesYML + "- id: ⟨E⟩Sở Mới\n  name: Sở mới\n  kind: department\n"],
            "agency id `Sở Mới` is not a valid id: use 1 to 64 lowercase ASCII letters, digits and `-`; for example `so-moi`"),
        BadInput(
            "agency without name", [agenciesPath: Fixtures.agenciesYML + "- ⟨E⟩id: so-moi\n  kind: department\n"],
            "missing required key `name` in an agency"),
    ]

    static let indices: [BadInput] = [
        BadInput(
            "higher_is_better no", [extraIndex: index("higher_is_better: ⟨E⟩no\n")],
            "`higher_is_better` must be `true` or `false`, found `no`"),
        BadInput(
            "1e3 as a number", [extraIndex: index("", max: "⟨E⟩1e3")],
            "`max` must be a number, found `1e3`; write a plain decimal number such as 85.95"),
        BadInput(
            "0x10 as a number", [extraIndex: index("", max: "⟨E⟩0x10")],
            "`max` must be a number, found `0x10`; write a plain decimal number such as 85.95"),
        BadInput(
            "1,5 as a number", [extraIndex: index("", max: "⟨E⟩1,5")],
            "`max` must be a number, found `1,5`; use a dot for decimals: `1.5`"),
        BadInput(
            ".5 as a number", [extraIndex: index("", max: "⟨E⟩.5")],
            "`max` must be a number, found `.5`; write a plain decimal number such as 85.95"),
        BadInput(
            "duplicate area id", [extraIndex: index("areas:\n  - id: a\n    name: A\n  - id: ⟨E⟩a\n    name: A lần hai\n")],
            "duplicate area id `a` (first at line 5); give each area its own id"),
        BadInput(
            "duplicate criterion code",
            [
                extraIndex: index(
                    "areas:\n  - id: a\n    name: A\n    criteria:\n      - code: \"1.1\"\n        name: Một\n      - code: ⟨E⟩\"1.1\"\n        name: Hai\n")
            ],
            "duplicate criterion code `1.1` (first at line 8); codes are unique within an index"),
        BadInput(
            "duplicate result year", [extraIndex: index("results:\n  - year: 2022\n    score: 60\n  - year: ⟨E⟩2022\n    score: 61\n")],
            "a second result for 2022 (first at line 5); keep one result per year"),
        BadInput(
            "rank without of", [extraIndex: index("results:\n  - ⟨E⟩year: 2023\n    score: 60\n    rank: 20\n")],
            "missing required key `of` in a result; a rank needs `of`, how many were ranked (e.g. `of: 63`)"),
        BadInput(
            "score above max", [extraIndex: index("results:\n  - year: 2023\n    score: ⟨E⟩101\n")],
            "score 101 is above the index's `max: 100`; check the figure or the maximum", severity: .warning),
        BadInput(
            "unknown area in a result",
            [extraIndex: index("areas:\n  - id: chi-phi\n    name: Chi phí\nresults:\n  - year: 2023\n    score: 60\n    areas: {⟨E⟩chi-phi-x: 5}\n")],
            "unknown area `chi-phi-x`; did you mean `chi-phi`?"),
        BadInput(
            "year not an integer", [extraIndex: index("results:\n  - year: ⟨E⟩2023.5\n    score: 60\n")],
            "`year` must be a whole number, found `2023.5`"),
    ]

    static let plans: [BadInput] = [
        BadInput(
            "dead: in a task", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    ⟨E⟩dead: 2024-12-31\n")],
            "unknown key `dead` in a task; did you mean `due`?"),
        BadInput(
            "impossible due date", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    due: ⟨E⟩2024-02-30\n")],
            "`due` is 2024-02-30, a date that does not exist; check the day and month"),
        BadInput(
            "bad due period", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    due: ⟨E⟩2024-Q5\n")],
            "`due` must be a date (YYYY-MM-DD) or a period (YYYY, YYYY-H1, YYYY-Q3, YYYY-MM), found `2024-Q5`"),
        BadInput(
            "unknown lead agency", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [⟨E⟩so-noi-vuu]\n")],
            "unknown agency `so-noi-vuu` in task `ba`; did you mean `so-noi-vu`?"),
        BadInput(
            "unknown kind group", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [⟨E⟩kind:departmnt]\n")],
            "`kind:departmnt` names no agency kind; did you mean `kind:department`?"),
        BadInput(
            "kind group with no agency", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    support: [⟨E⟩kind:commune]\n")],
            "`kind:commune` matches no agency in content/agencies.yml, so it adds no one", severity: .warning),
        BadInput(
            "unknown parent plan", [planPath: plan(header: "parent: ⟨E⟩kh-9\n")],
            "unknown parent plan `kh-9`; did you mean `kh-1`?"),
        BadInput(
            "unknown plan index", [planPath: plan(header: "indices: [par-index, ⟨E⟩sipas]\n")],
            "unknown index `sipas`; it must be the file name (without .yml) of an index in content/indices/"),
        BadInput(
            "unknown task area", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    index: [⟨E⟩par-index/chi-dao-x]\n")],
            "index `par-index` has no area `chi-dao-x`; did you mean `par-index/chi-dao`?"),
        BadInput(
            "unknown task criterion", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    index: [⟨E⟩\"par-index#9.9\"]\n")],
            "index `par-index` has no criterion with code `9.9`; add it to the index's areas or correct the code"),
        BadInput(
            "duplicate task id", [planPath: plan(extraTask: "  - title: Lần hai\n    id: ⟨E⟩mot-lan\n    lead: [so-noi-vu]\n")],
            "duplicate task id `mot-lan` (first at line 7); task ids are unique within a plan"),
        BadInput(
            "until before start",
            [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    every: month\n    due: 2024-09\n    until: ⟨E⟩2024-05\n")],
            "`until` 2024-05 ends before the task's first occurrence (30/09/2024); check `until` and `due`"),
        BadInput(
            "day not an integer", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    every: month\n    day: ⟨E⟩25.5\n")],
            "`day` must be a whole number, found `25.5`"),
        BadInput(
            "unknown every", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    every: ⟨E⟩week\n")],
            "`every` must be `month`, `quarter`, `half` or `year`, found `week`"),
    ]

    static let reports: [BadInput] = [
        BadInput(
            "unknown task", [extraReport: report("  - task: ⟨E⟩kh-1/mot-lam\n    status: in-progress\n")],
            "unknown task `kh-1/mot-lam`; did you mean `kh-1/mot-lan`?"),
        BadInput(
            "percent 120", [extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n    percent: ⟨E⟩120\n")],
            "`percent` is 120, out of range: it must be between 0 and 100"),
        BadInput(
            "done without completed", [extraReport: report("  - ⟨E⟩task: kh-1/mot-lan\n    status: done\n")],
            "a `done` update needs `completed`, the date the task was finished (YYYY-MM-DD)"),
        BadInput(
            "done with percent 80", [extraReport: report("  - task: kh-1/mot-lan\n    status: done\n    percent: ⟨E⟩80\n    completed: 2024-06-28\n")],
            "`percent` is 80 but the status is `done`; done means 100, so set 100 or change the status"),
        BadInput(
            "bad report period", [extraReport: "agency: so-noi-vu\nperiod: ⟨E⟩2024-Q5\nreported: 2024-09-26\nupdates: []\n"],
            "`period` must be a period (YYYY, YYYY-H1, YYYY-Q3 or YYYY-MM), found `2024-Q5`"),
        BadInput(
            "javascript: evidence",
            [extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n    evidence:\n      - title: X\n        url: ⟨E⟩javascript:alert(1)\n")],
            "evidence URL `javascript:alert(1)` uses `javascript:`; only http(s) addresses and files under content/files/ are allowed"),
        BadInput(
            "../ evidence",
            [extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n    evidence:\n      - title: X\n        url: ⟨E⟩files/../../site.yml\n")],
            "evidence path `files/../../site.yml` leaves content/files/ or has empty parts; put the document under content/files/ and link it as `files/…`"),
        BadInput(
            "missing evidence file",
            [extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n    evidence:\n      - title: X\n        url: ⟨E⟩files/snv/khong-co.pdf\n")],
            "evidence file `content/files/snv/khong-co.pdf` does not exist; add the file or correct the path"),
        BadInput(
            "reporter neither lead nor support", [extraReport: report("⟨E⟩  - task: kh-1/mot-lan\n    status: in-progress\n", agency: "ubnd-huyen-a")],
            "`ubnd-huyen-a` reports on task `kh-1/mot-lan` but is neither its lead nor its support; remove the update or correct the task's `lead`/`support`"),
        BadInput(
            "recurring update without period", [extraReport: report("  - task: ⟨E⟩kh-1/hang-thang\n    status: in-progress\n")],
            "task `kh-1/hang-thang` recurs every month: add `period:` naming the occurrence this update is about (e.g. `2024-07`)"),
        BadInput(
            "period not an occurrence", [extraReport: report("  - task: kh-1/hang-thang\n    status: in-progress\n    period: ⟨E⟩2025-01\n")],
            "`period: 2025-01` is not an occurrence of task `kh-1/hang-thang`; its occurrences are 2024-07 to 2024-12"),
        BadInput(
            "period of another kind", [extraReport: report("  - task: kh-1/hang-thang\n    status: in-progress\n    period: ⟨E⟩2024-Q3\n")],
            "`period: 2024-Q3` is not a month; task `kh-1/hang-thang` recurs every month, so use one of its occurrences (2024-07 to 2024-12)"),
        BadInput(
            "support's recurring update without an occurrence",
            [
                planPath: plan(
                    extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    support: [so-tu-phap]\n    every: quarter\n    due: 2024-Q3\n"),
                extraReport: report("  - task: kh-1/ba\n    status: in-progress\n    period: ⟨E⟩2024-Q1\n", agency: "so-tu-phap"),
            ],
            "`period: 2024-Q1` is not an occurrence of task `kh-1/ba`; its occurrences are 2024-Q3, 2024-Q4"),
        BadInput(
            "period on a one-off task", [extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n    period: ⟨E⟩2024-Q3\n")],
            "task `kh-1/mot-lan` is not recurring, so `period: 2024-Q3` is ignored; remove it", severity: .warning),
        BadInput(
            "report after as_of", [extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n", reported: "⟨E⟩2024-10-05")],
            "the report is dated 05/10/2024, after the reporting date 30/09/2024, so it is ignored for this build; set a later `--as-of` or `as_of` to include it",
            severity: .warning),
        BadInput(
            "unknown status", [extraReport: report("  - task: kh-1/mot-lan\n    status: ⟨E⟩xong\n")],
            "`status` must be `not-started`, `in-progress`, `done` or `dropped` (or chưa thực hiện, đang thực hiện, hoàn thành, dừng thực hiện), found `xong`; did you mean `done`?"
        ),
        BadInput(
            "update without status", [extraReport: report("  - ⟨E⟩task: kh-1/mot-lan\n    percent: 50\n")],
            "missing required key `status` in an update"),
        BadInput(
            "percnt in an update", [extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n    ⟨E⟩percnt: 50\n")],
            "unknown key `percnt` in an update; did you mean `percent`?"),
        BadInput(
            "1e3 as a percent", [extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n    percent: ⟨E⟩1e3\n")],
            "`percent` must be a number, found `1e3`; write a plain decimal number such as 85.95"),
        BadInput(
            "unknown reporting agency",
            [
                extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n").replacingOccurrences(
                    of: "agency: so-noi-vu", with: "agency: ⟨E⟩so-noi-vuu")
            ],
            "unknown agency `so-noi-vuu` in `agency`; did you mean `so-noi-vu`?"),
    ]

    /// Every reference and checked value that sits inside a list item, each written away from the
    /// item's first line: the diagnostic points at the value itself, never at the item's `- `.
    static let listItemReferences: [BadInput] = [
        // agencies.yml: every agency is a list item.
        BadInput(
            "unknown replaced_by", [agenciesPath: Fixtures.agenciesYML + "- id: so-cu\n  name: Sở cũ\n  kind: department\n  replaced_by: ⟨E⟩so-noi-vuu\n"],
            "unknown agency `so-noi-vuu` in `replaced_by` of `so-cu`; did you mean `so-noi-vu`?"),
        BadInput(
            "unknown replaced_by in a flow mapping",
            [agenciesPath: Fixtures.agenciesYML + "- {id: so-cu, name: Sở cũ, kind: department, replaced_by: ⟨E⟩so-tu-phapp}\n"],
            "unknown agency `so-tu-phapp` in `replaced_by` of `so-cu`; did you mean `so-tu-phap`?"),
        BadInput(
            "replaced_by itself", [agenciesPath: Fixtures.agenciesYML + "- id: so-cu\n  name: Sở cũ\n  kind: department\n  replaced_by: ⟨E⟩so-cu\n"],
            "agency `so-cu` is `replaced_by` itself; name the agency that carries on its work"),
        BadInput(
            "replaced_by not a slug", [agenciesPath: Fixtures.agenciesYML + "- id: so-cu\n  name: Sở cũ\n  kind: department\n  replaced_by: ⟨E⟩Sở Mới\n"],
            "agency id `Sở Mới` is not a valid id: use 1 to 64 lowercase ASCII letters, digits and `-`; for example `so-moi`"),
        // An index's areas, criteria, results and targets are list items.
        BadInput(
            "unknown area lead", [extraIndex: index("areas:\n  - id: chi-phi\n    name: Chi phí\n    lead: ⟨E⟩so-noi-vuu\n")],
            "unknown agency `so-noi-vuu` in the lead of area `chi-phi`; did you mean `so-noi-vu`?"),
        BadInput(
            "unknown area lead in a flow mapping", [extraIndex: index("areas:\n  - {id: chi-phi, name: Chi phí, lead: ⟨E⟩so-tu-phapp}\n")],
            "unknown agency `so-tu-phapp` in the lead of area `chi-phi`; did you mean `so-tu-phap`?"),
        BadInput(
            "area lead not a slug", [extraIndex: index("areas:\n  - id: chi-phi\n    name: Chi phí\n    lead: ⟨E⟩Sở Nội vụ\n")],
            "agency id `Sở Nội vụ` is not a valid id: use 1 to 64 lowercase ASCII letters, digits and `-`; for example `so-noi-vu`"),
        BadInput(
            "duplicate criterion code, not first key",
            [
                extraIndex: index(
                    "areas:\n  - id: a\n    name: A\n    criteria:\n      - code: \"1.1\"\n        name: Một\n      - name: Hai\n        code: ⟨E⟩\"1.1\"\n")
            ],
            "duplicate criterion code `1.1` (first at line 8); codes are unique within an index"),
        BadInput(
            "unknown criterion in a result",
            [extraIndex: index("areas:\n  - id: chi-phi\n    name: Chi phí\nresults:\n  - year: 2023\n    score: 60\n    criteria: {⟨E⟩\"9.9\": 1}\n")],
            "unknown criterion `9.9`; it must be the `code` of one of this index's criteria"),
        BadInput(
            "unknown area in a target",
            [extraIndex: index("areas:\n  - id: chi-phi\n    name: Chi phí\ntargets:\n  - year: 2025\n    score: 70\n    areas:\n      ⟨E⟩chi-phi-x: 5\n")],
            "unknown area `chi-phi-x`; did you mean `chi-phi`?"),
        BadInput(
            "unknown criterion in a target",
            [extraIndex: index("areas:\n  - id: chi-phi\n    name: Chi phí\ntargets:\n  - year: 2025\n    criteria: {⟨E⟩\"9.9\": 1}\n")],
            "unknown criterion `9.9`; it must be the `code` of one of this index's criteria"),
        BadInput(
            "area score above the area's max",
            [
                extraIndex: index(
                    "areas:\n  - id: chi-phi\n    name: Chi phí\n    max: 10\nresults:\n  - year: 2023\n    score: 60\n    areas: {⟨E⟩chi-phi: 12}\n")
            ],
            "area `chi-phi` scores 12, above its `max: 10`; check the figure or the maximum", severity: .warning),
        // A plan's tasks are list items.
        BadInput(
            "unknown lead agency, second of a block list",
            [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead:\n      - so-noi-vu\n      - ⟨E⟩so-tu-phapp\n")],
            "unknown agency `so-tu-phapp` in task `ba`; did you mean `so-tu-phap`?"),
        BadInput(
            "unknown support agency", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    support: ⟨E⟩so-tu-phapp\n")],
            "unknown agency `so-tu-phapp` in task `ba`; did you mean `so-tu-phap`?"),
        BadInput(
            "support not a slug", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    support: [so-tu-phap, ⟨E⟩Sở Tư pháp]\n")],
            "agency id `Sở Tư pháp` is not a valid id: use 1 to 64 lowercase ASCII letters, digits and `-`; for example `so-tu-phap`"),
        BadInput(
            "kind group with no agency in a block list",
            [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    support:\n      - ⟨E⟩kind:central\n")],
            "`kind:central` matches no agency in content/agencies.yml, so it adds no one", severity: .warning),
        BadInput(
            "unknown index of a task", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    index: [par-index, ⟨E⟩sipas]\n")],
            "unknown index `sipas`; it must be the file name (without .yml) of an index in content/indices/"),
        BadInput(
            "task index not a reference",
            [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    index:\n      - ⟨E⟩par-index/chi-dao/x\n")],
            "`par-index/chi-dao/x` is not an index reference: write an index id (`par-index`), an area (`par-index/cai-cach-tthc`) or a criterion code (`par-index#1.1`)"
        ),
        BadInput(
            "empty lead", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: ⟨E⟩[]\n")],
            "`lead` is empty; name at least one lead agency"),
        BadInput(
            "day without every", [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    day: ⟨E⟩25\n")],
            "`day` applies only to a recurring task; add `every` or remove `day`"),
        BadInput(
            "recurring task with too many occurrences",
            [planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    every: month\n    due: 2024-01\n    until: ⟨E⟩2200\n")],
            "the task recurs more than 1200 times; check `until`"),
        // A report's updates, and their evidence, are list items.
        BadInput(
            "unknown task, not first key", [extraReport: report("  - status: in-progress\n    task: ⟨E⟩kh-1/mot-lam\n")],
            "unknown task `kh-1/mot-lam`; did you mean `kh-1/mot-lan`?"),
        BadInput(
            "unknown plan of a task", [extraReport: report("  - status: in-progress\n    task: ⟨E⟩kh-9/mot-lan\n")],
            "unknown task `kh-9/mot-lan`; there is no plan `kh-9` in content/plans/"),
        BadInput(
            "recurring update without period, task not first key", [extraReport: report("  - status: in-progress\n    task: ⟨E⟩kh-1/hang-thang\n")],
            "task `kh-1/hang-thang` recurs every month: add `period:` naming the occurrence this update is about (e.g. `2024-07`)"),
        BadInput(
            "period not an occurrence in a flow mapping", [extraReport: report("  - {task: kh-1/hang-thang, status: in-progress, period: ⟨E⟩2025-01}\n")],
            "`period: 2025-01` is not an occurrence of task `kh-1/hang-thang`; its occurrences are 2024-07 to 2024-12"),
        BadInput(
            "missing evidence file in a second entry",
            [
                extraReport: report(
                    "  - task: kh-1/mot-lan\n    status: in-progress\n    evidence:\n      - title: X\n        url: files/snv/bao-cao.txt\n      - url: ⟨E⟩files/snv/khong-co.pdf\n        title: Y\n"
                )
            ],
            "evidence file `content/files/snv/khong-co.pdf` does not exist; add the file or correct the path"),
    ]

    static let all: [BadInput] = syntaxAndFiles + settings + agencies + indices + plans + reports + listItemReferences
}

// MARK: - The suite

/// Every defect the spec names is refused (or warned about) with the exact place and message,
/// by the library and by `cchc check`, which exits 1 and never crashes.
struct BadInputTests {
    /// `path:line:column: severity: message` as `cchc check` prints it.
    private func line(_ location: String, _ severity: Severity, _ message: String) -> String {
        "\(location): \(severity.rawValue): \(message)"
    }

    @Test func theFixtureSiteItselfIsClean() throws {
        let site = try TemporarySite(Fixtures.minimal)
        let result = SiteLoader.load(root: site.root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stderr.isEmpty)
    }

    @Test(arguments: BadInput.all)
    func defectIsReportedAtItsPlace(_ input: BadInput) throws {
        let site = try TemporarySite(Fixtures.minimal(input.files), binary: input.binary)
        let location = input.location ?? site.marks["E"]!.description
        let message = input.message.replacingOccurrences(of: "{F}", with: site.marks["F"].map { String($0.line) } ?? "?")

        // The library: exactly this one diagnostic.
        let result = SiteLoader.load(root: site.root)
        let found = result.diagnostics.map { line($0.location.description, $0.severity, $0.message) }
        if input.exact {
            #expect(found == [line(location, input.severity, message)])
        } else {
            #expect(found.count == 1, "\(found)")
            #expect(found.first?.hasPrefix(line(location, input.severity, message)) == true, "\(found)")
        }
        #expect((result.site == nil) == (input.severity == .error))

        // The binary: the same line on stderr, exit 1 for an error, never a crash.
        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(!run.crashed, "\(run)")
        #expect(run.exitCode == (input.severity == .error ? 1 : 0), "\(run)")
        #expect(run.stderr.contains(line(location, input.severity, message)), "\(run)")
        if input.severity == .warning {
            let strict = try CCHCBinary.run(["check", site.root.path, "--strict"])
            #expect(strict.exitCode == 1, "--strict fails on a warning: \(strict)")
        }
    }

    @Test func theCasesCoverAtLeastThirtyFiveDefects() {
        #expect(BadInput.all.count >= 35)
        #expect(Set(BadInput.all.map(\.name)).count == BadInput.all.count, "case names are unique")
    }

    @Test func didYouMeanSuggestsOnlyKeysNotAlreadyPresent() throws {
        // `due` is already there, so `dead` must not suggest it.
        let site = try TemporarySite(
            Fixtures.minimal([
                planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    due: 2024-12-31\n    ⟨E⟩dead: 2024-12-31\n")
            ]))
        let result = SiteLoader.load(root: site.root)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.location.description == site.mark.description)
        #expect(diagnostic.message.hasPrefix("unknown key `dead` in a task"))
        #expect(!diagnostic.message.contains("did you mean `due`"), "\(diagnostic.message)")
    }

    @Test func severalDefectsAreAllReportedSortedByFileAndLine() throws {
        let site = try TemporarySite(
            Fixtures.minimal([
                extraReport: report(
                    "  - task: kh-1/mot-lan\n    status: in-progress\n    percent: ⟨C⟩120\n  - task: ⟨D⟩kh-1/khong-co\n    status: done\n    completed: 2024-07-01\n"
                ),
                planPath: plan(extraTask: "  - id: ba\n    title: Ba\n    lead: [so-noi-vu]\n    ⟨B⟩dead: 2024-12-31\n"),
                "site.yml": Fixtures.siteYML + "language: ⟨E⟩fr\n",
                agenciesPath: Fixtures.agenciesYML + "- id: so-moi\n  name: Sở mới\n  kind: ⟨A⟩departmnt\n",
            ]))
        let result = SiteLoader.load(root: site.root)
        let locations = result.diagnostics.map(\.location.description)
        let expected = ["A", "B", "C", "D", "E"].map { site.marks[$0]!.description }
        #expect(locations == expected)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })

        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(run.exitCode == 1)
        let printed = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map { String($0.split(separator: " ")[0].dropLast()) }
        #expect(printed == expected, "\(run)")
        #expect(run.stdout.contains("5 errors and 0 warnings in 4 files"), "\(run)")
    }

    @Test func jsonFormatGivesTheSameDiagnostics() throws {
        let site = try TemporarySite(
            Fixtures.minimal([
                extraReport: report("  - task: kh-1/mot-lan\n    status: in-progress\n    percent: ⟨C⟩120\n    period: ⟨D⟩2024-Q3\n"),
                "site.yml": Fixtures.siteYML + "language: ⟨E⟩fr\n",
            ]))
        let library = SiteLoader.load(root: site.root).diagnostics
        let run = try CCHCBinary.run(["check", site.root.path, "--format", "json"])
        #expect(run.exitCode == 1, "\(run)")
        struct Entry: Decodable, Equatable {
            let file: String
            let line: Int
            let column: Int
            let severity: String
            let message: String
        }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(run.stdout.utf8))
        #expect(
            entries
                == library.map {
                    Entry(file: $0.location.path, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, message: $0.message)
                })
        #expect(entries.map(\.severity) == ["error", "warning", "error"])
        #expect(entries.map { "\($0.file):\($0.line):\($0.column)" } == ["C", "D", "E"].map { site.marks[$0]!.description })
    }

    @Test func aFailedCheckWritesNothing() throws {
        let site = try TemporarySite(Fixtures.minimal(["site.yml": Fixtures.siteYML + "language: fr\n"]))
        let before = OutputTree.files(under: site.root)
        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(run.exitCode == 1)
        #expect(OutputTree.files(under: site.root) == before)
        #expect(!FileManager.default.fileExists(atPath: site.url("public").path))
    }

    /// Every kind of file, empty or holding only a comment, is refused at its line 1: never skipped.
    @Test(arguments: [
        ("site.yml", ""), ("site.yml", "# chưa có gì\n"),
        ("content/agencies.yml", ""),
        ("content/indices/pci.yml", ""), ("content/indices/pci.yml", "# PCI\n"),
        ("content/progress/2024-Q3/bo-sung.yml", ""), ("content/progress/2024-Q3/bo-sung.yml", "   \n\n"),
        ("content/progress/2024-Q3/bo-sung.yml", "# báo cáo sau\n"),
        ("content/plans/kh-2.md", ""), ("content/plans/kh-2.md", "---\n# chưa có\n---\n"),
    ])
    func emptyFilesAreRefused(_ path: String, _ text: String) throws {
        let site = try TemporarySite(Fixtures.minimal([path: text]))
        let result = SiteLoader.load(root: site.root)
        let first = result.errors.first { $0.location.path == path }
        #expect(first?.location.line == 1, "\(result.diagnostics)")
        #expect(first.map { $0.message.contains("empty") || $0.message.contains("found nothing") } == true, "\(result.diagnostics)")
        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(run.exitCode == 1, "\(run)")
        #expect(!run.stdout.contains("no problems found"), "\(run)")
    }

    /// Shapes no one would write on purpose: wrong node kinds everywhere. None may crash.
    @Test(arguments: [
        ("content/agencies.yml", "just text\n"),
        ("content/agencies.yml", "{id: so-noi-vu}\n"),
        ("content/agencies.yml", "- [a, b]\n- 5\n"),
        ("content/plans/kh-1.md", "---\ntasks: {a: 1}\n---\n"),
        ("content/plans/kh-1.md", "---\n- a\n- b\n---\n"),
        ("content/plans/kh-1.md", "---\n"),
        ("content/plans/kh-1.md", "---\n---\n"),
        ("content/progress/x.yml", "updates: 5\nagency: [a]\n"),
        ("content/progress/x.yml", "agency: &a so-noi-vu\nperiod: *a\nreported: *a\nupdates: [{task: *a}]\n"),
        ("content/indices/par-index.yml", "name: X\nshort: X\nmax: 10\nresults: [{year: [1]}, {areas: 5}]\n"),
        ("site.yml", "- a\n"),
        ("site.yml", "\u{FEFF}title: T\r\nprovince: P\r\nbase_url: ftp://x\r\n"),
    ])
    func strangeShapesNeverCrash(_ path: String, _ text: String) throws {
        let site = try TemporarySite(Fixtures.minimal([path: text]))
        let result = SiteLoader.load(root: site.root)
        #expect(!result.errors.isEmpty)
        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(!run.crashed, "\(run)")
        #expect(run.exitCode == 1, "\(run)")
    }
}
