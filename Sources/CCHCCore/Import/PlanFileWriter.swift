import Foundation

/// Writes what an import made: the plan file (front matter and the plan's own text as Markdown),
/// the block of agencies added to `agencies.yml`, and the review as text or JSON.
public enum PlanFileWriter {
    /// The plan file.
    static func planFile(_ result: PlanImport.Result, body: String) -> String {
        var out = "---\n"
        out += "number: \(YAMLText.scalar(result.number ?? ""))\n"
        out += "title: \(YAMLText.scalar(result.title ?? ""))\n"
        out += "issuer: \(result.issuer ?? "")\n"
        out += "issued: \(result.issued?.iso ?? "")\n"
        if let parent = result.parent { out += "parent: \(parent)\n" }
        if !result.indices.isEmpty { out += "indices: \(list(result.indices))\n" }
        out += "# Nhập bằng `cchc import plan` từ \(YAMLText.comment(result.file)); hãy đối chiếu với văn bản gốc.\n"
        out += "tasks:\n"
        for task in result.tasks {
            out += "  - id: \(task.id)\n"
            out += "    title: \(YAMLText.scalar(task.title))\n"
            out += "    lead: \(list(task.lead))\n"
            if !task.support.isEmpty { out += "    support: \(list(task.support))\n" }
            if !task.index.isEmpty { out += "    index: \(list(task.index))\n" }
            if let d = task.deadline {
                if let due = d.due { out += "    due: \(due)\n" }
                if let every = d.every { out += "    every: \(every.rawValue)\n" }
                if let day = d.day { out += "    day: \(day)\n" }
                if let until = d.until { out += "    until: \(until)\n" }
            }
            if let target = task.target { out += "    target: \(YAMLText.scalar(target))\n" }
            if let section = task.section { out += "    section: \(YAMLText.scalar(section))\n" }
        }
        out += "---\n\n"
        out += body
        return out
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map { $0.contains("#") || !YAMLText.isPlainSafe($0) ? "\"\($0)\"" : $0 }.joined(separator: ", ") + "]"
    }

    /// The plan's text as Markdown: parts as headings, bullets as lists, tables as tables, the rest
    /// as paragraphs; footnotes at the end.
    static func markdownBody(_ document: SourceDocument, from start: Int, footnotes: [String]) -> String {
        var out: [String] = []
        var inClosing = false
        for block in document.blocks.dropFirst(start) {
            switch block {
            case .paragraph(let p):
                let folded = VietnameseFold.key(p.text)
                if PlanAnalysis.isAppendixTitle(folded, text: p.text) {
                    inClosing = false
                    out.append("## " + escape(p.text))
                    continue
                }
                if PlanAnalysis.isClosing(folded) && !folded.hasPrefix("tren day la") { inClosing = true }
                if inClosing { continue }
                if let marker = Outline.marker(in: p.text) {
                    switch marker.kind {
                    case .part: out.append("## " + escape(p.text))
                    case .dash: out.append("- " + escape(marker.rest))
                    case .plus: out.append("    - " + escape(marker.rest))
                    default:
                        // "1. …" would start an ordered list that renumbers; keep the number as text.
                        let label = p.text.prefix(p.text.count - marker.rest.count).trimmingCharacters(in: .whitespaces)
                        let escapedLabel = label.replacingOccurrences(of: ".", with: "\\.").replacingOccurrences(of: ")", with: "\\)")
                        let line = "\(escapedLabel) \(escape(marker.rest))"
                        out.append(p.isEmphasised && marker.rest.count < 160 ? "### " + line : line)
                    }
                } else {
                    out.append(escape(p.text))
                }
            case .table(let t):
                if inClosing { continue }
                let width = t.rows.map(\.count).max() ?? 0
                guard width > 0 else { continue }
                var lines: [String] = []
                for (i, row) in t.rows.enumerated() {
                    // A cell merged across columns is shown once, in its first column.
                    var shown = row
                    for c in shown.indices.dropFirst().reversed() where !row[c].isEmpty && row[c] == row[c - 1] { shown[c] = "" }
                    let cells = (0..<width).map { $0 < shown.count ? escape(shown[$0]).replacingOccurrences(of: "|", with: "\\|") : "" }
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                    if i == 0 { lines.append("|" + String(repeating: " --- |", count: width)) }
                }
                out.append(lines.joined(separator: "\n"))
            }
        }
        if !footnotes.isEmpty {
            out.append("## Chú thích")
            out.append(footnotes.enumerated().map { "\($0.offset + 1). " + escape($0.element) }.joined(separator: "\n"))
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// Text made literal for Markdown: characters that would start markup are escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "*", "_", "[", "]", "<", ">", "`", "#", "|", "~":
                out.append("\\")
                out.append(c)
            default: out.append(c)
            }
        }
        if let first = out.first, "-+=".contains(first) { out = "\\" + out }
        return out
    }

    /// `agencies.yml` with the agencies the document named and the site lacked, in one marked block.
    static func agenciesFile(_ existing: String, adding agencies: [PlanImport.NewAgency], file: String) -> String {
        var out = existing
        if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
        out += "\n# ---- Thêm bởi `cchc import plan` từ \(YAMLText.comment(file)) ----\n"
        out += "# Các cơ quan dưới đây có tên trong văn bản nhưng chưa có trong tệp này. HÃY KIỂM TRA:\n"
        out += "# tên đúng chưa, có trùng với cơ quan đã có (khi đó sửa kế hoạch cho dùng mã cũ và xóa mục ở đây),\n"
        out += "# `kind` đúng chưa, và thêm `short`/`aliases` nếu cần.\n"
        for agency in agencies {
            out += "- id: \(agency.id)\n"
            out += "  name: \(YAMLText.scalar(agency.name))\n"
            out += "  kind: \(agency.kind.rawValue)   # đoán từ tên; kiểm tra lại\n"
        }
        out += "# ---- hết phần thêm ----\n"
        return out
    }

    // MARK: - The review

    /// The review as text lines.
    public static func reviewText(_ r: PlanImport.Result) -> String {
        var out: [String] = []
        let counts = Dictionary(grouping: r.tasks, by: \.confidence).mapValues(\.count)
        let action = r.written ? "wrote \(r.planPath)" : r.errors.isEmpty ? "would write \(r.planPath) (--dry-run)" : "wrote nothing"
        out.append(
            "\(r.file) (\(r.documentKind)): \(r.tasks.count) tasks (\(counts[.high] ?? 0) high, \(counts[.medium] ?? 0) medium, \(counts[.low] ?? 0) low confidence); \(action)"
        )
        out.append(
            "  number: \(r.number ?? "(blank)")   issued: \(r.issued?.vietnamese ?? "(blank)")   issuer: \(r.issuer ?? "(unknown)")\(r.parent.map { "   parent: \($0)" } ?? "")"
        )
        out.append("  title: \(r.title ?? "(not found)")")
        if !r.indices.isEmpty { out.append("  indices: \(r.indices.joined(separator: ", "))") }
        out.append("")
        out.append("Tasks:")
        for t in r.tasks {
            var due = "no due"
            if let d = t.deadline {
                due = [d.due.map { "due \($0)" }, d.every.map { "every \($0.rawValue)" }, d.day.map { "day \($0)" }, d.until.map { "until \($0)" }].compactMap {
                    $0
                }.joined(separator: ", ")
            }
            out.append("  \(t.place) [\(t.confidence)] \(t.section.map { "§\($0) " } ?? "")\(t.id)")
            out.append(
                "      lead: \(t.lead.joined(separator: ", "))\(t.support.isEmpty ? "" : "   support: \(t.support.joined(separator: ", "))")   \(due)\(t.index.isEmpty ? "" : "   index: \(t.index.joined(separator: ", "))")"
            )
            out.append("      “\(PlanAnalysis.excerpt(t.title, length: 110))”")
            for note in t.notes { out.append("      - \(note)") }
        }
        if !r.newAgencies.isEmpty {
            out.append("")
            out.append("Agencies added to content/agencies.yml (check each):")
            for a in r.newAgencies { out.append("  \(a.place): \(a.id) (\(a.kind.rawValue)) “\(a.foundAs)”") }
        }
        let needs = r.errors.map { ("error", $0) } + r.review.map { ("review", $0) }
        if !needs.isEmpty {
            out.append("")
            out.append("Needs a person:")
            for (kind, item) in needs {
                out.append(
                    "  \(r.file)\(item.place.map { ":\($0.line.map { "\($0):1" } ?? $0.description)" } ?? ""): \(kind == "error" ? "error" : "warning"): \(item.message)"
                )
            }
        }
        return out.joined(separator: "\n")
    }

    /// The review as JSON (stable key order).
    public static func reviewJSON(_ r: PlanImport.Result) -> String {
        func place(_ p: SourceDocument.Place?) -> Any {
            guard let p else { return NSNull() }
            switch p {
            case .line(let n): return ["line": n]
            case .paragraph(let n): return ["paragraph": n]
            case .tableRow(let t, let row): return ["table": t, "row": row]
            }
        }
        let tasks: [[String: Any]] = r.tasks.map { t in
            var o: [String: Any] = [
                "id": t.id, "title": t.title, "lead": t.lead, "support": t.support, "index": t.index,
                "confidence": t.confidence.description, "source": place(t.place), "from": t.source.rawValue, "notes": t.notes,
            ]
            o["section"] = t.section ?? NSNull()
            o["due"] = t.deadline?.due?.description ?? NSNull()
            o["every"] = t.deadline?.every?.rawValue ?? NSNull()
            o["day"] = t.deadline?.day ?? NSNull()
            o["until"] = t.deadline?.until?.description ?? NSNull()
            o["target"] = t.target ?? NSNull()
            return o
        }
        let object: [String: Any] = [
            "file": r.file, "kind": r.documentKind, "plan": r.planID, "path": r.planPath, "written": r.written,
            "number": r.number ?? NSNull(), "title": r.title ?? NSNull(), "issuer": r.issuer ?? NSNull(),
            "issued": r.issued?.iso ?? NSNull(), "parent": r.parent ?? NSNull(), "indices": r.indices, "tasks": tasks,
            "new_agencies": r.newAgencies.map {
                ["id": $0.id, "name": $0.name, "kind": $0.kind.rawValue, "found_as": $0.foundAs, "source": place($0.place)] as [String: Any]
            },
            "errors": r.errors.map { ["source": place($0.place), "message": $0.message] as [String: Any] },
            "review": r.review.map { ["source": place($0.place), "message": $0.message] as [String: Any] },
            "ocr_damaged": r.ocr.isDamaged,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
