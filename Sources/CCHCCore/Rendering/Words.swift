/// The site's own words in Vietnamese and English (`language: en`).
///
/// Templates receive them under `words.*`, so a theme never hard-codes a label.
public struct Words: Sendable {
    /// The language of the words.
    public let language: SiteLanguage

    /// Every fixed word a template may use, as `words.<key>` (made once: pages look words up often).
    public let table: [String: String]

    /// The words of a language.
    public init(_ language: SiteLanguage) {
        self.language = language
        table = Words.table(language)
    }

    private func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// The label of a derived state.
    public func state(_ state: TaskState) -> String {
        switch state {
        case .done: return pick("Hoàn thành", "Done")
        case .doneLate: return pick("Hoàn thành quá hạn", "Done late")
        case .inProgress: return pick("Đang thực hiện", "In progress")
        case .notStarted: return pick("Chưa thực hiện", "Not started")
        case .overdue: return pick("Quá hạn", "Overdue")
        case .dropped: return pick("Dừng thực hiện", "Dropped")
        case .noReport: return pick("Chưa báo cáo", "No report")
        }
    }

    /// The label of a reported status.
    public func status(_ status: ReportedStatus) -> String {
        switch status {
        case .done: return pick("Hoàn thành", "Done")
        case .inProgress: return pick("Đang thực hiện", "In progress")
        case .notStarted: return pick("Chưa thực hiện", "Not started")
        case .dropped: return pick("Dừng thực hiện", "Dropped")
        }
    }

    /// The label of an agency kind.
    public func kind(_ kind: AgencyKind) -> String {
        switch kind {
        case .province: return pick("Cấp tỉnh", "Province")
        case .department: return pick("Sở, ban, ngành", "Departments")
        case .district: return pick("UBND cấp huyện", "Districts")
        case .commune: return pick("UBND cấp xã", "Communes")
        case .central: return pick("Cơ quan Trung ương trên địa bàn", "Central agencies")
        case .organisation: return pick("Tổ chức, đoàn thể", "Organisations")
        }
    }

    /// A period as people say it: "Quý III/2024", "tháng 9/2024".
    public func period(_ period: Period) -> String {
        let vi = language == .vi
        switch period.kind {
        case .year: return vi ? "Năm \(period.year)" : "\(period.year)"
        case .half:
            if !vi { return "H\(period.number) \(period.year)" }
            return period.number == 1 ? "6 tháng đầu năm \(period.year)" : "6 tháng cuối năm \(period.year)"
        case .quarter: return vi ? "Quý \(Words.romans[period.number - 1])/\(period.year)" : "Q\(period.number) \(period.year)"
        case .month: return vi ? "Tháng \(period.number)/\(period.year)" : "\(period.number)/\(period.year)"
        }
    }

    private static let romans = ["I", "II", "III", "IV"]

    /// A rank change: "tăng 6 bậc", "giảm 2 bậc", "giữ nguyên".
    public func rankChange(_ change: Int) -> String {
        if change > 0 { return pick("tăng \(change) bậc", "up \(change)") }
        if change < 0 { return pick("giảm \(-change) bậc", "down \(-change)") }
        return pick("giữ nguyên", "unchanged")
    }

    private static func table(_ language: SiteLanguage) -> [String: String] {
        func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        return [
            "dashboard": pick("Tổng quan", "Overview"),
            "plans": pick("Kế hoạch", "Plans"),
            "agencies": pick("Cơ quan, đơn vị", "Agencies"),
            "indices": pick("Chỉ số", "Indices"),
            "updates": pick("Cập nhật", "Updates"),
            "data": pick("Dữ liệu", "Data"),
            "task": pick("Nhiệm vụ", "Task"),
            "tasks": pick("Nhiệm vụ", "Tasks"),
            "lead": pick("Chủ trì", "Lead"),
            "support": pick("Phối hợp", "Support"),
            "due": pick("Thời hạn", "Deadline"),
            "state": pick("Tình trạng", "State"),
            "target": pick("Mục tiêu", "Target"),
            "section": pick("Mục", "Section"),
            "note": pick("Ghi chú", "Note"),
            "evidence": pick("Tài liệu kiểm chứng", "Evidence"),
            "completion": pick("Tỷ lệ hoàn thành", "Completion"),
            "overdue": pick("Quá hạn", "Overdue"),
            "as_of": pick("Số liệu tính đến ngày", "Data as of"),
            "number": pick("Số hiệu", "Number"),
            "issuer": pick("Cơ quan ban hành", "Issued by"),
            "issued": pick("Ngày ban hành", "Issued"),
            "parent": pick("Thực hiện kế hoạch", "Carries out"),
            "children": pick("Kế hoạch thực hiện", "Plans carrying it out"),
            "contents": pick("Mục lục", "Contents"),
            "plan_text": pick("Nội dung kế hoạch", "Plan text"),
            "year": pick("Năm", "Year"),
            "score": pick("Điểm", "Score"),
            "rank": pick("Xếp hạng", "Rank"),
            "max": pick("Điểm tối đa", "Maximum"),
            "results": pick("Kết quả qua các năm", "Results by year"),
            "areas": pick("Lĩnh vực, tiêu chí", "Areas and criteria"),
            "last_result": pick("Kết quả gần nhất", "Latest result"),
            "as_lead": pick("Nhiệm vụ chủ trì", "Tasks as lead"),
            "as_support": pick("Nhiệm vụ phối hợp", "Tasks as support"),
            "agency": pick("Cơ quan", "Agency"),
            "kind": pick("Loại", "Kind"),
            "pairs": pick("lượt nhiệm vụ", "task assignments"),
            "previous": pick("Trang trước", "Previous"),
            "next": pick("Trang sau", "Next"),
            "agencies_lower": pick("cơ quan, đơn vị", "agencies"),
            "aliases": pick("Tên gọi khác", "Other names"),
            "replaces": pick("Tiếp nhận nhiệm vụ của", "Took over from"),
            "done": pick("Đã hoàn thành", "Done"),
            "reported": pick("Ngày báo cáo", "Reported"),
            "period": pick("Kỳ báo cáo", "Period"),
            "percent": pick("Tiến độ", "Progress"),
            "completed": pick("Ngày hoàn thành", "Completed"),
            "occurrence": pick("Kỳ", "Occurrence"),
            "no_due": pick("Không quy định", "None set"),
            "no_updates": pick("Chưa có cập nhật nào.", "No updates yet."),
            "no_tasks": pick("Không có nhiệm vụ.", "No tasks."),
            "most_behind": pick("Cơ quan chậm tiến độ nhất", "Agencies most behind"),
            "latest_updates": pick("Cập nhật mới nhất", "Latest updates"),
            "all_updates": pick("Tất cả cập nhật", "All updates"),
            "index_results": pick("Kết quả các chỉ số", "Index results"),
            "by_index": pick("Hoàn thành theo chỉ số", "Completion by index"),
            "replaced_by": pick("Nay là", "Now part of"),
            "downloads": pick("Tải dữ liệu", "Downloads"),
            "not_found": pick("Không tìm thấy trang", "Page not found"),
            "not_found_text": pick(
                "Trang bạn tìm không có hoặc đã được chuyển. Hãy quay về trang tổng quan.",
                "The page you asked for does not exist or has moved. Go back to the overview."),
            "skip": pick("Bỏ qua, đến nội dung chính", "Skip to main content"),
            "menu": pick("Danh mục chính", "Main menu"),
            "feed": pick("Nguồn tin cập nhật (Atom)", "Updates feed (Atom)"),
            "made_with": pick("Trang được tạo bằng cchc", "Made with cchc"),
            "from": pick("của", "of"),
            "criterion": pick("Tiêu chí", "Criterion"),
            "area": pick("Lĩnh vực", "Area"),
            "change": pick("Thay đổi", "Change"),
            "served_by": pick("Nhiệm vụ phục vụ", "Tasks serving it"),
            "all_agencies": pick("Tất cả cơ quan, đơn vị", "All agencies"),
            "all_plans": pick("Tất cả kế hoạch", "All plans"),
            "all_indices": pick("Tất cả chỉ số", "All indices"),
            "publisher": pick("Cơ quan công bố", "Publisher"),
            "breadcrumb": pick("Đường dẫn", "Breadcrumb"),
            "total": pick("Tổng", "Total"),
            "file": pick("Tệp", "File"),
            "description": pick("Mô tả", "Description"),
            "format": pick("Định dạng", "Format"),
        ]
    }
}
