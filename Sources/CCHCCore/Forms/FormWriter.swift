import Foundation

/// Errors of `cchc forms` and `cchc import report` that stop the whole run: what is wrong and what to do.
public struct FormError: Error, CustomStringConvertible {
    /// The message.
    public let description: String

    /// An error with a message.
    public init(_ description: String) { self.description = description }
}

/// `cchc forms`: one Excel report form per agency for a period, made from the same list of open
/// task occurrences as `cchc new report` (``ReportItems``).
///
/// A form has a visible sheet (header, one row per occurrence with read-only facts and input
/// cells, drop-down and validation rules, protected without a password) and a very hidden,
/// protected sheet with the ids the importer needs and check codes (see ``FormLayout``). The
/// same site and period give byte-identical files: the ZIP is stamped with the site's reporting
/// date and nothing reads the clock.
public enum FormWriter {
    /// One form written.
    public struct Form: Sendable {
        /// The agency.
        public var agency: AgencyID
        /// The file's name.
        public var fileName: String
        /// How many task rows it has.
        public var rows: Int
        /// How many rows were pre-filled from an earlier report.
        public var prefilled: Int
    }

    /// What `write` did.
    public struct Outcome: Sendable {
        /// The forms, in the agencies' file order.
        public var forms: [Form]
        /// The output folder.
        public var folder: URL
        /// The site's reporting date, which the forms' states are of.
        public var asOf: Day
    }

    /// Loads the site, makes the forms and writes them into `out` (default `bieu-mau/<period>`
    /// under `current`). Refuses to overwrite a file unless `force`; checks every name first, so
    /// nothing is written when one would be refused.
    public static func write(root: URL, period periodText: String, agencies: [String], out: URL?, current: URL, force: Bool) throws -> Outcome {
        guard let period = Period(periodText) else {
            throw FormError("`\(periodText)` is not a period; write YYYY, YYYY-H1, YYYY-Q3 or YYYY-09")
        }
        let load = SiteLoader.load(root: root)
        guard let loaded = load.site else {
            let count = load.errors.count
            throw FormError("the site has \(count) error\(count == 1 ? "" : "s"); run `cchc check` and fix \(count == 1 ? "it" : "them") first")
        }
        var chosen: Set<AgencyID>?
        if !agencies.isEmpty {
            var ids = Set<AgencyID>()
            for text in agencies {
                let id = AgencyID(text)
                guard loaded.lookup.agencies[id] != nil else {
                    var message = "unknown agency `\(text)`"
                    if let near = Suggestion.nearest(to: text, in: loaded.site.agencies.map(\.id.rawValue)) {
                        message += "; did you mean `\(near)`?"
                    } else {
                        message += "; the ids are in content/agencies.yml"
                    }
                    throw FormError(message)
                }
                ids.insert(id)
            }
            chosen = ids
        }
        let items = ReportItems.all(loaded, period: period, only: chosen)
        let agencyList = loaded.site.agencies.filter { chosen?.contains($0.id) ?? (items[$0.id]?.isEmpty == false) }
        if let chosen, let empty = agencyList.first(where: { chosen.contains($0.id) && items[$0.id] == nil }) {
            throw FormError("\(empty.id) has no open task to report on in \(Words(.vi).period(period)); no form is made for it")
        }
        let names = fileNames(agencyList, period: period)
        let folder = out ?? current.appendingPathComponent("bieu-mau").appendingPathComponent(period.description)
        let manager = FileManager.default
        if !force {
            let existing = agencyList.map { names[$0.id]! }.filter { manager.fileExists(atPath: folder.appendingPathComponent($0).path) }
            if !existing.isEmpty {
                throw FormError(
                    "\(existing.count) form\(existing.count == 1 ? "" : "s") already exist in \(folder.path) (\(existing.prefix(3).joined(separator: ", "))\(existing.count > 3 ? ", …" : "")); pass --force to replace them"
                )
            }
        }
        let made = ConcurrentMap.run(agencyList.count) { index -> Result<(Form, [UInt8]), Error> in
            let agency = agencyList[index]
            let list = items[agency.id] ?? []
            do {
                let bytes = try workbook(loaded, agency: agency, period: period, items: list).bytes(date: loaded.asOf)
                let prefilled = list.filter { $0.previous != nil }.count
                return .success((Form(agency: agency.id, fileName: names[agency.id]!, rows: list.count, prefilled: prefilled), bytes))
            } catch {
                return .failure(error)
            }
        }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FormError("cannot create \(folder.path): \(error.localizedDescription)")
        }
        var forms: [Form] = []
        for result in made {
            let (form, bytes) = try result.get()
            try AtomicFile.write(Data(bytes), to: folder.appendingPathComponent(form.fileName))
            forms.append(form)
        }
        return Outcome(forms: forms, folder: folder, asOf: loaded.asOf)
    }

    /// Each agency's file name: the slug of its short name when no other agency's is the same,
    /// else its id.
    static func fileNames(_ agencies: [Agency], period: Period) -> [AgencyID: String] {
        var slugs: [AgencyID: String] = [:]
        var count: [String: Int] = [:]
        for agency in agencies {
            var slug = agency.short.map(Slug.make) ?? agency.id.rawValue
            if slug.isEmpty { slug = agency.id.rawValue }
            slugs[agency.id] = slug
            count[slug, default: 0] += 1
        }
        var out: [AgencyID: String] = [:]
        for agency in agencies {
            let slug = count[slugs[agency.id]!]! > 1 ? agency.id.rawValue : slugs[agency.id]!
            out[agency.id] = FormLayout.fileName(slug: slug, period: period)
        }
        return out
    }

    /// The rows in the form's order: the tasks the agency leads, then those it supports.
    static func ordered(_ items: [ReportItems.Item]) -> [ReportItems.Item] {
        items.filter(\.isLead) + items.filter { !$0.isLead }
    }

    /// The workbook of one agency's form.
    static func workbook(_ loaded: LoadedSite, agency: Agency, period: Period, items unordered: [ReportItems.Item]) -> SpreadsheetWriter {
        typealias Column = FormLayout.Column
        let words = Words(.vi)
        let items = ordered(unordered)
        let rowIDs = items.map { FormLayout.RowID(task: $0.task.id, period: $0.occurrence.period) }
        let rowsCode = FormLayout.rowsCode(rowIDs)
        let planCode = FormLayout.planCode(items.enumerated().map { (rowIDs[$0], $1.task.title, $1.occurrence.due, $1.isLead) })
        var sheet = SpreadsheetWriter.Sheet(name: FormLayout.sheetName)
        sheet.widths = Column.allCases.map(\.width)
        sheet.frozenRows = FormLayout.headingRow
        sheet.printTitleRow = FormLayout.headingRow
        let value = FormLayout.valueColumn
        sheet.set(FormLayout.titleRow, 1, .text("BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"), .title)
        sheet.set(FormLayout.agencyRow, 1, .text("Cơ quan báo cáo:"), .label)
        sheet.set(FormLayout.agencyRow, value, .text(agency.name), .label)
        sheet.set(FormLayout.periodRow, 1, .text("Kỳ báo cáo:"), .label)
        sheet.set(FormLayout.periodRow, value, .text(words.period(period)), .label)
        var plans: [String] = []
        for item in items {
            let text = "\(item.plan.number) ngày \(item.plan.issued.vietnamese)"
            if !plans.contains(text) { plans.append(text) }
        }
        sheet.set(FormLayout.plansRow, 1, .text("Kế hoạch:"), .label)
        sheet.set(FormLayout.plansRow, value, .text(plans.joined(separator: "; ")), .plain)
        sheet.set(FormLayout.reportedRow, 1, .text("Ngày báo cáo:"), .label)
        sheet.set(FormLayout.reportedRow, value, nil, .inputDate)
        sheet.set(
            FormLayout.instructionRow, 1,
            .text(
                "Điền các ô nền vàng: chọn trạng thái; % hoàn thành là số nguyên 0–100; ngày ghi dd/mm/yyyy; "
                    + "mỗi tài liệu kiểm chứng một dòng (tên và đường dẫn cùng thứ tự). Dòng để trống không được nhập. "
                    + "Không thêm, xóa hay đổi thứ tự dòng. Tình trạng tính đến ngày \(loaded.asOf.vietnamese)."), .note)
        sheet.set(
            FormLayout.codeRow, 1, .text(FormLayout.codeLine(agency: agency.id, period: period, made: loaded.asOf, rows: rowsCode, plan: planCode)), .note)
        for row in [FormLayout.titleRow, FormLayout.instructionRow, FormLayout.codeRow] {
            sheet.merges.append("A\(row):\(CellReference.name(row: row, column: Column.evidenceURL.rawValue))")
        }
        sheet.merges.append(
            "\(CellReference.name(row: FormLayout.plansRow, column: value)):\(CellReference.name(row: FormLayout.plansRow, column: Column.evidenceURL.rawValue))"
        )
        sheet.heights[FormLayout.instructionRow] = 32
        for column in Column.allCases {
            sheet.set(FormLayout.headingRow, column.rawValue, .text(column.heading), .header)
        }
        for (index, item) in items.enumerated() {
            let row = FormLayout.firstTaskRow + index
            sheet.set(row, Column.number.rawValue, .number(Double(index + 1)), .body)
            sheet.set(row, Column.plan.rawValue, .text(item.plan.number), .body)
            sheet.set(row, Column.title.rawValue, .text(item.task.title), .body)
            sheet.set(row, Column.occurrence.rawValue, item.occurrence.period.map { .text(words.period($0)) }, .body)
            if let due = item.occurrence.due {
                sheet.set(row, Column.due.rawValue, .date(due), .bodyDate)
            } else {
                sheet.set(row, Column.due.rawValue, .text("Không có hạn"), .body)
            }
            sheet.set(row, Column.role.rawValue, .text(item.isLead ? "Chủ trì" : "Phối hợp"), .body)
            var state = item.state.map(words.state) ?? ""
            if let summary = item.leadSummary, summary.total > 0 {
                state = "Chủ trì đã hoàn thành \(summary.done)/\(summary.total)"
            }
            sheet.set(row, Column.state.rawValue, .text(state), .body)
            let previous = item.previous
            sheet.set(row, Column.status.rawValue, previous.map { .text(FormLayout.label($0.status)) }, .input)
            sheet.set(row, Column.percent.rawValue, previous?.percent.map { .number($0) }, .inputNumber)
            sheet.set(row, Column.completed.rawValue, previous?.completed.map { .date($0) }, .inputDate)
            sheet.set(row, Column.note.rawValue, previous?.note.map { .text($0) }, .input)
            let evidence = previous?.evidence ?? []
            sheet.set(row, Column.evidenceTitle.rawValue, evidence.isEmpty ? nil : .text(evidence.map(\.title).joined(separator: "\n")), .input)
            sheet.set(row, Column.evidenceURL.rawValue, evidence.isEmpty ? nil : .text(evidence.map(\.url).joined(separator: "\n")), .input)
            sheet.set(row, Column.task.rawValue, .text(item.task.id.description), .body)
            sheet.set(row, Column.period.rawValue, item.occurrence.period.map { .text($0.description) }, .body)
        }
        if !items.isEmpty {
            let last = FormLayout.firstTaskRow + items.count - 1
            func range(_ column: Column) -> String {
                "\(CellReference.name(row: FormLayout.firstTaskRow, column: column.rawValue)):\(CellReference.name(row: last, column: column.rawValue))"
            }
            sheet.validations.append(
                .init(
                    rule: .list(FormLayout.statusLabels.map(\.1)), ranges: [range(.status)],
                    title: "Trạng thái", message: "Chọn một trong bốn trạng thái trong danh sách."))
            sheet.validations.append(
                .init(
                    rule: .whole(0...100), ranges: [range(.percent)],
                    title: "% hoàn thành", message: "Nhập số nguyên từ 0 đến 100."))
        }
        let lastRow = FormLayout.firstTaskRow + max(items.count, 1) - 1
        var dateRanges = [CellReference.name(row: FormLayout.reportedRow, column: value)]
        if !items.isEmpty {
            dateRanges.append(
                "\(CellReference.name(row: FormLayout.firstTaskRow, column: Column.completed.rawValue)):\(CellReference.name(row: lastRow, column: Column.completed.rawValue))"
            )
        }
        sheet.validations.append(
            .init(
                rule: .date(Day(year: 2000, month: 1, day: 1)!...Day(year: 2099, month: 12, day: 31)!), ranges: dateRanges,
                title: "Ngày", message: "Nhập ngày dạng dd/mm/yyyy, ví dụ 15/07/2024."))

        var hidden = SpreadsheetWriter.Sheet(name: FormLayout.hiddenSheetName)
        hidden.veryHidden = true
        let values = HiddenIDs(
            agency: agency.id.rawValue, period: period.description, made: loaded.asOf.iso, rows: rowsCode, plan: planCode,
            firstRow: FormLayout.firstTaskRow, ids: rowIDs)
        for (index, pair) in values.cells.enumerated() {
            hidden.set(index + 1, 1, .text(pair.0), .plain)
            if let second = pair.1 { hidden.set(index + 1, 2, .text(second), .plain) }
        }
        var writer = SpreadsheetWriter()
        writer.sheets = [sheet, hidden]
        return writer
    }
}

/// The hidden sheet's contents: key/value rows, then one row per task row (task id, period).
struct HiddenIDs: Equatable {
    var agency: String
    var period: String
    var made: String
    var rows: String
    var plan: String
    var firstRow: Int
    var ids: [FormLayout.RowID]

    /// The values the checksum covers, in order.
    var checked: [String] {
        [String(FormLayout.version), agency, period, made, rows, plan, String(firstRow), String(ids.count)]
            + ids.map { "\($0.task)#\($0.period.map(String.init(describing:)) ?? "")" }
    }

    /// The sheet's rows: column A, column B.
    var cells: [(String, String?)] {
        var out: [(String, String?)] = [
            ("form", "cchc-bao-cao-\(FormLayout.version)"), ("agency", agency), ("period", period), ("made", made),
            ("rows", rows), ("plan", plan), ("first-row", String(firstRow)), ("count", String(ids.count)),
            ("checksum", FormLayout.checksum(checked)), ("task", "period"),
        ]
        for id in ids { out.append((id.task.description, id.period?.description)) }
        return out
    }

    /// The number of key/value rows before the task rows.
    static let headerRows = 10
}

/// Writing a file through a temporary sibling and a rename, so a reader never sees half of it.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let code = errno
                try? FileManager.default.removeItem(at: temporary)
                throw FormError("cannot write \(url.path): \(String(cString: strerror(code)))")
            }
        } catch let error as FormError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FormError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
