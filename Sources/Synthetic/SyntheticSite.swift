import Foundation

/// A small, fast deterministic random number generator (SplitMix64), so a seed always gives the same site,
/// and tests that shuffle or draw values see the same ones on every run.
public struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes synthetic site folders that follow the content format, at a chosen scale, and the
/// equivalent Hugo site (same Markdown pages and bytes, one taxonomy term per agency).
///
/// `cchc-bench generate` writes the national sites of the benchmarks; the tests write small ones.
public enum SyntheticSite {
    /// How much to write; the defaults are the national scale.
    public struct Scale: Sendable {
        public var agencies, plans, tasks, reports: Int
        public var seed: UInt64
        public init(agencies: Int = 4000, plans: Int = 600, tasks: Int = 30000, reports: Int = 50000, seed: UInt64 = 1) {
            (self.agencies, self.plans, self.tasks, self.reports, self.seed) = (agencies, plans, tasks, reports, seed)
        }
    }

    static let words = """
        cải cách hành chính thủ tục dịch vụ công trực tuyến chính quyền số người dân doanh nghiệp \
        nâng cao chất lượng hiệu quả phục vụ công chức viên chức kỷ luật kỷ cương tiếp nhận giải quyết \
        hồ sơ đúng hạn công khai minh bạch trách nhiệm giải trình kiểm soát tham nhũng môi trường \
        điện tử cổng thông tin kế hoạch triển khai thực hiện báo cáo kết quả đánh giá chỉ số \
        lĩnh vực tiêu chí thành phần sở ban ngành địa phương cấp huyện cấp xã tỉnh phối hợp chủ trì
        """.split(separator: " ").map(String.init)

    static func sentence(_ rng: inout SplitMix, _ count: Int) -> String {
        var out: [String] = []
        for _ in 0..<count { out.append(words[Int(rng.next() % UInt64(words.count))]) }
        var text = out.joined(separator: " ")
        text = text.prefix(1).uppercased() + text.dropFirst()
        return text
    }

    /// The Markdown body of a plan: 2–8 KB with headings, lists, a table, strikethrough and autolinks.
    static func planBody(_ rng: inout SplitMix, number: Int) -> String {
        let target = 2048 + Int(rng.next() % 6144)
        var text = "## I. MỤC ĐÍCH, YÊU CẦU\n\n"
        var section = 1
        while text.utf8.count < target {
            text += "### \(section). \(sentence(&rng, 6))\n\n"
            text += "\(sentence(&rng, 40)). Thời hạn cũ ~~30/11/2024~~, nay là 31/12/2024; xem https://example.gov.vn/kh/\(number)/\(section).\n\n"
            for _ in 0..<3 { text += "- \(sentence(&rng, 12));\n" }
            text += "\n| Nội dung | Chủ trì | Thời hạn |\n|---|---|---|\n"
            for _ in 0..<3 { text += "| \(sentence(&rng, 5)) | Sở Nội vụ | Quý \(1 + rng.next() % 4)/2024 |\n" }
            text += "\n"
            section += 1
        }
        return text
    }

    static let usage =
        "usage: cchc-bench generate OUT [--agencies N] [--plans N] [--tasks N] [--reports N] [--seed S] [--hugo HUGO_OUT]\n"
        + "  OUT and HUGO_OUT are replaced: each must be missing, empty, or a folder this command wrote before."

    /// The file that marks a folder as written by `generate`, so that writing again may replace it.
    static let marker = ".cchc-synthetic"

    /// Removes `folder` to write it again, if it is missing, empty, or marked as one `generate` wrote; throws otherwise,
    /// so a mistyped OUT cannot wipe a real folder.
    static func clear(_ folder: URL) throws {
        let fm = FileManager.default
        guard let children = try? fm.contentsOfDirectory(atPath: folder.path) else {
            if fm.fileExists(atPath: folder.path) {
                throw GenerateError(description: "\(folder.path) is a file, not a folder; choose another place")
            }
            return
        }
        guard children.isEmpty || children.contains(marker) else {
            throw GenerateError(description: "\(folder.path) holds files this command did not write; choose an empty or missing folder")
        }
        try fm.removeItem(at: folder)
    }

    struct GenerateError: Error, CustomStringConvertible {
        let description: String
    }

    /// `cchc-bench generate`: parses its arguments, writes the sites and prints what it wrote.
    public static func run(_ arguments: [String]) -> Int32 {
        var scale = Scale()
        var out: String?
        var hugo: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            func value() -> String {
                i += 1
                return i < arguments.count ? arguments[i] : ""
            }
            switch a {
            case "--agencies": scale.agencies = Int(value()) ?? scale.agencies
            case "--plans": scale.plans = Int(value()) ?? scale.plans
            case "--tasks": scale.tasks = Int(value()) ?? scale.tasks
            case "--reports": scale.reports = Int(value()) ?? scale.reports
            case "--seed": scale.seed = UInt64(value()) ?? 1
            case "--hugo": hugo = value()
            case "-h", "--help":
                print(usage)
                return 0
            default:
                guard !a.hasPrefix("-"), out == nil else {
                    print("error: unexpected argument \(a)\n\(usage)")
                    return 2
                }
                out = a
            }
            i += 1
        }
        guard let out else {
            print(usage)
            return 2
        }
        do {
            let bytes = try write(scale, to: URL(fileURLWithPath: out), hugo: hugo.map { URL(fileURLWithPath: $0) })
            print(
                "generated \(out): \(scale.agencies) agencies, \(scale.plans) plans, \(scale.tasks) tasks, \(scale.reports) reports, \(bytes / 1024) KiB of Markdown"
            )
            return 0
        } catch {
            print("error: \(error)")
            return 1
        }
    }

    /// Writes the site; returns the Markdown bytes written (plan bodies), for the Hugo comparison.
    public static func write(_ scale: Scale, to root: URL, hugo: URL?) throws -> Int {
        var rng = SplitMix(seed: scale.seed)
        let fm = FileManager.default
        try clear(root)
        if let hugo { try clear(hugo) }
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("Written by cchc-bench generate; writing again replaces this folder.\n".utf8).write(to: root.appendingPathComponent(marker))
        for folder in ["content/indices", "content/plans", "content/progress", "content/files"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func put(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try put(
            "site.yml", "title: Theo dõi CCHC toàn quốc (dữ liệu tổng hợp)\nprovince: Toàn quốc\nbase_url: https://example.gov.vn/cchc/\nas_of: 2024-12-31\n")
        // Agencies: one province, then departments and districts, the rest communes.
        var agencies = "- id: ubnd-tinh\n  name: Ủy ban nhân dân tỉnh\n  kind: province\n"
        var ids = ["ubnd-tinh"]
        for n in 1..<max(2, scale.agencies) {
            let kind = n <= 40 ? "department" : (n <= 400 ? "district" : "commune")
            let id = "\(kind == "department" ? "so" : kind == "district" ? "huyen" : "xa")-\(n)"
            ids.append(id)
            agencies +=
                "- id: \(id)\n  name: \(kind == "department" ? "Sở" : kind == "district" ? "UBND huyện" : "UBND xã") \(sentence(&rng, 3)) \(n)\n  kind: \(kind)\n"
        }
        try put("content/agencies.yml", agencies)
        // Indices.
        for (id, short, max) in [("par-index", "PAR Index", 100), ("sipas", "SIPAS", 100), ("papi", "PAPI", 80), ("pci", "PCI", 100), ("dti", "DTI", 1000)] {
            var text = "name: Chỉ số \(short)\nshort: \(short)\nmax: \(max)\nareas:\n"
            for a in 1...8 {
                text += "  - id: linh-vuc-\(a)\n    name: \(sentence(&rng, 5))\n    max: \(max / 8)\n    criteria:\n"
                for c in 1...3 { text += "      - code: \"\(a).\(c)\"\n        name: \(sentence(&rng, 4))\n" }
            }
            text += "results:\n"
            for year in 2019...2023 {
                text += "  - year: \(year)\n    score: \(Double(max) * (0.7 + Double(rng.next() % 200) / 1000))\n    rank: \(1 + rng.next() % 63)\n    of: 63\n"
            }
            text += "targets:\n  - year: 2024\n    score: \(Double(max) * 0.9)\n"
            try put("content/indices/\(id).yml", text)
        }
        // Plans and tasks.
        var taskLeads: [(plan: String, task: String, leads: [String], recurring: Bool)] = []
        var markdownBytes = 0
        var hugoPages: [(path: String, text: String)] = []
        let perPlan = max(1, scale.tasks / max(1, scale.plans))
        for p in 0..<scale.plans {
            let planID = "kh-\(p + 1)-2024"
            var text =
                "---\nnumber: \(p + 1)/KH-UBND\ntitle: \(sentence(&rng, 12))\nissuer: ubnd-tinh\nissued: 2024-06-08\nindices: [par-index, sipas, papi]\ntasks:\n"
            for t in 0..<perPlan {
                let taskID = "nv-\(t + 1)"
                let leads = (0..<(1 + Int(rng.next() % 3))).map { _ in ids[1 + Int(rng.next() % UInt64(ids.count - 1))] }
                let unique = Array(NSOrderedSet(array: leads)) as! [String]
                let recurring = rng.next() % 10 == 0
                text += "  - id: \(taskID)\n    title: \(sentence(&rng, 10))\n    lead: [\(unique.joined(separator: ", "))]\n"
                text += "    index: [par-index/linh-vuc-\(1 + rng.next() % 8)]\n"
                if recurring {
                    text += "    every: quarter\n    day: 20\n    due: 2024-Q3\n    until: 2025-Q2\n"
                } else {
                    text +=
                        "    due: \(2024 + Int(rng.next() % 2))-\(String(format: "%02d", 1 + Int(rng.next() % 12)))-\(String(format: "%02d", 1 + Int(rng.next() % 28)))\n"
                }
                taskLeads.append((planID, taskID, unique, recurring))
            }
            let body = planBody(&rng, number: p)
            markdownBytes += body.utf8.count
            text += "---\n" + body
            try put("content/plans/\(planID).md", text)
            hugoPages.append(("content/ke-hoach/\(planID).md", "---\ntitle: \"\(p + 1)/KH-UBND\"\n---\n" + body))
        }
        // Reports: one agency, one quarter, 1–3 updates on tasks it leads.
        var byAgency: [String: [Int]] = [:]
        for (n, task) in taskLeads.enumerated() { for lead in task.leads { byAgency[lead, default: []].append(n) } }
        let reporters = byAgency.keys.sorted()
        for r in 0..<scale.reports {
            guard !reporters.isEmpty else { break }
            let agency = reporters[Int(rng.next() % UInt64(reporters.count))]
            let quarter = 3 + Int(rng.next() % 2)
            var text = "agency: \(agency)\nperiod: 2024-Q\(quarter)\nreported: 2024-\(String(format: "%02d", quarter * 3))-15\nupdates:\n"
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let tasks = byAgency[agency]!
                let task = taskLeads[tasks[Int(rng.next() % UInt64(tasks.count))]]
                let status = ["done", "in-progress", "not-started"][Int(rng.next() % 3)]
                text += "  - task: \(task.plan)/\(task.task)\n    status: \(status)\n"
                if status == "done" { text += "    percent: 100\n    completed: 2024-\(String(format: "%02d", quarter * 3))-10\n" }
                if task.recurring { text += "    period: 2024-Q\(quarter)\n" }
                // About one note in four uses Markdown (emphasis and a link); the rest are plain sentences.
                if rng.next() % 4 == 0 {
                    text += "    note: \(sentence(&rng, 14)), xem **kết quả** tại https://example.gov.vn/bc/\(r).\n"
                } else {
                    text += "    note: \(sentence(&rng, 16)) (đạt \(rng.next() % 100)%).\n"
                }
            }
            try put("content/progress/2024-Q\(quarter)/\(agency)-\(r).yml", text)
        }
        if let hugo {
            try writeHugo(to: hugo, pages: hugoPages, tasks: taskLeads, agencies: ids, rng: &rng)
        }
        return markdownBytes
    }

    /// The Hugo site with the same number of Markdown pages (plans with their bodies, one page per
    /// task, agency and index) and one taxonomy term page per agency.
    static func writeHugo(
        to root: URL, pages: [(path: String, text: String)], tasks: [(plan: String, task: String, leads: [String], recurring: Bool)],
        agencies: [String], rng: inout SplitMix
    ) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("Written by cchc-bench generate; writing again replaces this folder.\n".utf8).write(to: root.appendingPathComponent(marker))
        func put(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try put(
            "config.toml",
            """
            baseURL = "https://example.gov.vn/cchc/"
            languageCode = "vi"
            title = "Theo dõi CCHC"
            disableKinds = ["RSS"]
            [taxonomies]
              coquan = "co-quan"

            """)
        try put(
            "layouts/_default/baseof.html",
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n"
        )
        try put(
            "layouts/_default/single.html",
            "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ with .Params.coquan }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}{{ .Content }}{{ end }}\n"
        )
        try put(
            "layouts/_default/list.html",
            "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n"
        )
        try put(
            "layouts/_default/terms.html",
            "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}\n"
        )
        for page in pages { try put(page.path, page.text) }
        for task in tasks {
            try put(
                "content/nhiem-vu/\(task.plan)-\(task.task).md",
                "---\ntitle: \"\(sentence(&rng, 10))\"\ncoquan: [\(task.leads.map { "\"\($0)\"" }.joined(separator: ", "))]\n---\n\(sentence(&rng, 30)).\n")
        }
        for agency in agencies { try put("content/co-quan-trang/\(agency).md", "---\ntitle: \"\(agency)\"\n---\n\(sentence(&rng, 20)).\n") }
        for index in ["par-index", "sipas", "papi", "pci", "dti"] {
            try put("content/chi-so/\(index).md", "---\ntitle: \"\(index)\"\n---\n\(sentence(&rng, 40)).\n")
        }
    }
}
