import Foundation

/// Where things are in a report form, and the check codes that tie a filled form to the plans it
/// was made from. `FormWriter` and `FormReader` both read this, so the two cannot drift apart.
enum FormLayout {
    /// The form format's version, written in the form and checked on import.
    static let version = 1
    /// The visible sheet.
    static let sheetName = "Báo cáo"
    /// The hidden sheet with the ids the importer needs.
    static let hiddenSheetName = "cchc"

    /// Header rows (1-based).
    static let titleRow = 1, agencyRow = 2, periodRow = 3, plansRow = 4, reportedRow = 5, instructionRow = 6, codeRow = 7
    /// The row of column headings; task rows start below it.
    static let headingRow = 8
    static var firstTaskRow: Int { headingRow + 1 }
    /// The column of the header values (agency name, period, …, the Ngày báo cáo input).
    static let valueColumn = 3

    /// The columns of a task row (1-based).
    enum Column: Int, CaseIterable {
        case number = 1, plan, title, occurrence, due, role, state
        case status, percent, completed, note, evidenceTitle, evidenceURL
        case task, period

        /// The heading.
        var heading: String {
            switch self {
            case .number: return "STT"
            case .plan: return "Kế hoạch"
            case .title: return "Nhiệm vụ"
            case .occurrence: return "Kỳ"
            case .due: return "Hạn"
            case .role: return "Vai trò"
            case .state: return "Tình trạng hiện nay"
            case .status: return "Trạng thái (chọn)"
            case .percent: return "% hoàn thành"
            case .completed: return "Ngày hoàn thành (dd/mm/yyyy)"
            case .note: return "Ghi chú"
            case .evidenceTitle: return "Tài liệu kiểm chứng: tên"
            case .evidenceURL: return "Tài liệu kiểm chứng: đường dẫn"
            case .task: return "Mã nhiệm vụ (không sửa)"
            case .period: return "Mã kỳ (không sửa)"
            }
        }

        /// The width in characters.
        var width: Double {
            switch self {
            case .number: return 5
            case .plan: return 14
            case .title: return 46
            case .occurrence: return 12
            case .due: return 11.5
            case .role: return 10
            case .state: return 16
            case .status: return 17
            case .percent: return 10
            case .completed: return 13
            case .note: return 36
            case .evidenceTitle: return 24
            case .evidenceURL: return 30
            case .task: return 30
            case .period: return 10
            }
        }

        /// Whether the agency fills it in.
        var isInput: Bool { (Column.status.rawValue...Column.evidenceURL.rawValue).contains(rawValue) }
    }

    /// The four statuses as the drop-down offers them, in the order of the format.
    static let statusLabels: [(ReportedStatus, String)] = [
        (.notStarted, "Chưa thực hiện"), (.inProgress, "Đang thực hiện"), (.done, "Hoàn thành"), (.dropped, "Dừng thực hiện"),
    ]

    /// The label of a status in the form.
    static func label(_ status: ReportedStatus) -> String {
        statusLabels.first { $0.0 == status }!.1
    }

    /// One task row's ids: what the hidden sheet and the visible id columns hold.
    struct RowID: Hashable {
        var task: TaskID
        var period: Period?
    }

    /// The code of the task rows: changes when a row is added, removed or moved.
    static func rowsCode(_ rows: [RowID]) -> String {
        var text = ""
        for row in rows { text += "\(row.task)|\(row.period.map(String.init(describing:)) ?? "")\n" }
        return String(SHA256.hex(SHA256.hash(Array(text.utf8))).prefix(12))
    }

    /// The code of what the plans said of those rows: title, deadline and the agency's role.
    /// A form made before the plan changed one of them is refused on import.
    static func planCode(_ rows: [(RowID, title: String, due: Day?, isLead: Bool)]) -> String {
        var text = ""
        for (row, title, due, isLead) in rows {
            text += "\(row.task)|\(row.period.map(String.init(describing:)) ?? "")|\(title)|\(due?.iso ?? "")|\(isLead ? "lead" : "support")\n"
        }
        return String(SHA256.hex(SHA256.hash(Array(text.utf8))).prefix(12))
    }

    /// The check code of the hidden sheet's values, so an edited id is noticed.
    static func checksum(_ values: [String]) -> String {
        String(SHA256.hex(SHA256.hash(Array(("cchc-form|" + values.joined(separator: "|")).utf8))).prefix(16))
    }

    /// The visible code line, which a CSV saved from the form keeps:
    /// `Mã: so-noi-vu · 2024-Q3 · biểu mẫu 1 · lập 2024-09-30 · 1a2b3c4d5e6f-abcdef012345`.
    static func codeLine(agency: AgencyID, period: Period, made: Day, rows: String, plan: String) -> String {
        "Mã: \(agency) · \(period) · biểu mẫu \(version) · lập \(made.iso) · \(rows)-\(plan)"
    }

    /// The parts of a code line.
    struct Code: Equatable {
        var agency: String
        var period: String
        var version: Int
        var made: Day?
        var rows: String
        var plan: String
    }

    /// Reads a code line; nil when the text is not one.
    static func parseCode(_ text: String) -> Code? {
        guard text.hasPrefix("Mã:") else { return nil }
        let parts = text.dropFirst(3).split(separator: "·").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 5, parts[2].hasPrefix("biểu mẫu "), let version = Int(parts[2].dropFirst(9)),
            parts[3].hasPrefix("lập ")
        else { return nil }
        let codes = parts[4].split(separator: "-")
        guard codes.count == 2 else { return nil }
        return Code(
            agency: parts[0], period: parts[1], version: version, made: Day(iso: String(parts[3].dropFirst(4))),
            rows: String(codes[0]), plan: String(codes[1]))
    }

    /// The file name of a form: `bao-cao-<short name slug>-<period>.xlsx`.
    static func fileName(slug: String, period: Period) -> String { "bao-cao-\(slug)-\(period).xlsx" }
}
