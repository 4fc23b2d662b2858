import CCHCFormat

/// The site's own words in Vietnamese and English (`language: en`).
///
/// Templates receive them under `words.*`, so a theme never hard-codes a label.
public struct Words: Sendable {
    /// The language of the words.
    public let language: SiteLanguage

    /// Every fixed word a template may use, as `words.<name>`, with its text; the names are those
    /// of ``templateNames``. Made anew on each call: a build makes it once and keeps it.
    public var table: [String: String] {
        var table: [String: String] = [:]
        for (name, path) in Words.templateNames { table[name] = self[keyPath: path] }
        return table
    }

    /// The words of a language.
    public init(_ language: SiteLanguage) {
        self.language = language
        func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        dashboard = pick("Tổng quan", "Overview")
        plans = pick("Kế hoạch", "Plans")
        agencies = pick("Cơ quan, đơn vị", "Agencies")
        indices = pick("Chỉ số", "Indices")
        updates = pick("Cập nhật", "Updates")
        data = pick("Dữ liệu", "Data")
        task = pick("Nhiệm vụ", "Task")
        tasks = pick("Nhiệm vụ", "Tasks")
        lead = pick("Chủ trì", "Lead")
        support = pick("Phối hợp", "Support")
        due = pick("Thời hạn", "Deadline")
        state = pick("Tình trạng", "State")
        target = pick("Mục tiêu", "Target")
        section = pick("Mục", "Section")
        note = pick("Ghi chú", "Note")
        evidence = pick("Tài liệu kiểm chứng", "Evidence")
        completion = pick("Tỷ lệ hoàn thành", "Completion")
        overdue = pick("Quá hạn", "Overdue")
        asOf = pick("Số liệu tính đến ngày", "Data as of")
        number = pick("Số hiệu", "Number")
        issuer = pick("Cơ quan ban hành", "Issued by")
        issued = pick("Ngày ban hành", "Issued")
        parent = pick("Thực hiện kế hoạch", "Carries out")
        children = pick("Kế hoạch thực hiện", "Plans carrying it out")
        contents = pick("Mục lục", "Contents")
        planText = pick("Nội dung kế hoạch", "Plan text")
        year = pick("Năm", "Year")
        score = pick("Điểm", "Score")
        rank = pick("Xếp hạng", "Rank")
        max = pick("Điểm tối đa", "Maximum")
        results = pick("Kết quả qua các năm", "Results by year")
        areas = pick("Lĩnh vực, tiêu chí", "Areas and criteria")
        lastResult = pick("Kết quả gần nhất", "Latest result")
        asLead = pick("Nhiệm vụ chủ trì", "Tasks as lead")
        asSupport = pick("Nhiệm vụ phối hợp", "Tasks as support")
        agency = pick("Cơ quan", "Agency")
        kind = pick("Loại", "Kind")
        pairs = pick("lượt nhiệm vụ", "task assignments")
        previous = pick("Trang trước", "Previous")
        next = pick("Trang sau", "Next")
        agenciesLower = pick("cơ quan, đơn vị", "agencies")
        aliases = pick("Tên gọi khác", "Other names")
        replaces = pick("Tiếp nhận nhiệm vụ của", "Took over from")
        done = pick("Đã hoàn thành", "Done")
        reported = pick("Ngày báo cáo", "Reported")
        period = pick("Kỳ báo cáo", "Period")
        percent = pick("Tiến độ", "Progress")
        completed = pick("Ngày hoàn thành", "Completed")
        occurrence = pick("Kỳ", "Occurrence")
        noDue = pick("Không quy định", "None set")
        noUpdates = pick("Chưa có cập nhật nào.", "No updates yet.")
        noTasks = pick("Không có nhiệm vụ.", "No tasks.")
        mostBehind = pick("Cơ quan chậm tiến độ nhất", "Agencies most behind")
        latestUpdates = pick("Cập nhật mới nhất", "Latest updates")
        allUpdates = pick("Tất cả cập nhật", "All updates")
        indexResults = pick("Kết quả các chỉ số", "Index results")
        byIndex = pick("Hoàn thành theo chỉ số", "Completion by index")
        replacedBy = pick("Nay là", "Now part of")
        downloads = pick("Tải dữ liệu", "Downloads")
        notFound = pick("Không tìm thấy trang", "Page not found")
        notFoundText = pick(
            "Trang bạn tìm không có hoặc đã được chuyển. Hãy quay về trang tổng quan.",
            "The page you asked for does not exist or has moved. Go back to the overview.")
        skip = pick("Bỏ qua, đến nội dung chính", "Skip to main content")
        menu = pick("Danh mục chính", "Main menu")
        feed = pick("Nguồn tin cập nhật (Atom)", "Updates feed (Atom)")
        madeWith = pick("Trang được tạo bằng cchc", "Made with cchc")
        from = pick("của", "of")
        criterion = pick("Tiêu chí", "Criterion")
        area = pick("Lĩnh vực", "Area")
        change = pick("Thay đổi", "Change")
        servedBy = pick("Nhiệm vụ phục vụ", "Tasks serving it")
        allAgencies = pick("Tất cả cơ quan, đơn vị", "All agencies")
        allPlans = pick("Tất cả kế hoạch", "All plans")
        allIndices = pick("Tất cả chỉ số", "All indices")
        publisher = pick("Cơ quan công bố", "Publisher")
        breadcrumb = pick("Đường dẫn", "Breadcrumb")
        total = pick("Tổng", "Total")
        file = pick("Tệp", "File")
        description = pick("Mô tả", "Description")
        listShortened = pick(
            "Danh sách rút gọn: các nhiệm vụ cần chú ý nhất (quá hạn trước),", "Shortened list: the tasks most in need of attention (overdue first),")
        fullList = pick("danh sách đầy đủ (CSV, cột index)", "full list (CSV, column index)")
        downloadTasksCSV = pick("Nhiệm vụ, từng cơ quan chủ trì và từng kỳ, với tình trạng", "Tasks by lead agency and occurrence, with their states")
        downloadTasksJSON = pick("Nhiệm vụ và tình trạng (JSON)", "Tasks and their states (JSON)")
        downloadIndicesCSV = pick("Kết quả và mục tiêu các chỉ số", "Index results and targets")
        downloadIndicesJSON = pick("Kết quả và mục tiêu các chỉ số (JSON)", "Index results and targets (JSON)")
        downloadAgenciesCSV = pick("Tỷ lệ hoàn thành của các cơ quan, đơn vị", "Completion by agency")
        downloadAgenciesJSON = pick("Tỷ lệ hoàn thành của các cơ quan, đơn vị (JSON)", "Completion by agency (JSON)")
        format = pick("Định dạng", "Format")
        periods = pick("Các kỳ báo cáo", "Reporting periods")
        inPeriod = pick("Thay đổi trong kỳ", "Changes in the period")
        doneInPeriod = pick("Hoàn thành trong kỳ", "Done in the period")
        newlyOverdue = pick("Mới quá hạn", "Newly overdue")
        stillOverdue = pick("Vẫn quá hạn", "Still overdue")
        notReported = pick("Chưa báo cáo", "Not reported")
        hasReported = pick("Đã báo cáo", "Reported")
        noReportDue = pick("Không phải báo cáo trong kỳ", "No report due in the period")
        dueToReport = pick("Phải báo cáo", "Due to report")
        previousEnd = pick("Cuối kỳ trước", "End of the previous period")
        periodEnd = pick("Cuối kỳ này", "End of this period")
        previousState = pick("Tình trạng cuối kỳ trước", "State at the previous period's end")
        periodDetails = pick("Chi tiết kỳ báo cáo", "Details of the period")
        none = pick("Không có.", "None.")
        pairsShortened = pick("Danh sách rút gọn (quá hạn và thời hạn sớm trước), hiển thị", "Shortened list (earliest deadlines first), showing")
        allStatesDownload = pick("tình trạng mọi nhiệm vụ (CSV)", "every task's state (CSV)")
        targetProgress = pick("Khả năng đạt mục tiêu", "Progress towards the targets")
        level = pick("Đánh giá", "Assessment")
        paceKept = pick("Thay đổi bình quân mỗi năm", "Average change a year")
        paceNeeded = pick("Thay đổi mỗi năm cần để đạt mục tiêu", "Change a year needed")
        measure = pick("Nội dung", "Measure")
        levelRule = pick(
            "Cách đánh giá: so sánh mức thay đổi bình quân mỗi năm từ kết quả đầu tiên đến kết quả gần nhất với mức thay đổi "
                + "mỗi năm còn cần để đạt mục tiêu vào năm mục tiêu (với xếp hạng, số nhỏ hơn là tốt hơn). Đạt từ 95% mức cần thiết trở lên: "
                + "đúng lộ trình; từ 60% đến dưới 95%: có tiến bộ, chưa đủ nhanh; từ 0 đến dưới 60%: tiến bộ ít hoặc không tiến bộ; "
                + "thay đổi theo chiều ngược lại: xấu đi. Kết quả của chính năm mục tiêu quyết định đạt hay không đạt; "
                + "chỉ có một kết quả thì chưa đủ dữ liệu.",
            "How it is judged: the average yearly change from the first result to the latest is compared with the yearly change "
                + "still needed to reach the target in its year (for ranks, lower is better). At least 95% of the pace needed: on track; "
                + "60% to under 95%: moderate progress; 0 to under 60%: limited or no progress; moving the wrong way: deterioration. "
                + "The target year's own result decides achieved or missed; a single result is not enough data.")
        seeFull = pick("Xem đầy đủ", "See the full page")
        embedCode = pick("Nhúng vào trang khác", "Embed on another site")
        embedHelp = pick("Chép đoạn mã sau vào trang của cơ quan, đơn vị:", "Copy this code into your own page:")
        embedPreview = pick("Xem trước", "Preview")
        embedImage = pick(
            "Hoặc chỉ đặt ảnh biểu đồ (tệp SVG, cập nhật mỗi lần xuất bản), có liên kết về trang này:",
            "Or only the chart as an image (an SVG file, updated at every build), linked to this page:")
        embedImagePreview = pick("Xem ảnh", "See the image")
        report = pick("Báo cáo kỳ", "Period report")
        agenciesShortened = pick("Danh sách rút gọn (theo thứ tự trong agencies.yml), hiển thị", "Shortened list (in agencies.yml order), showing")
        reportLink = pick("Báo cáo kỳ để in và gửi UBND tỉnh", "The period report, to print and send")
        reportPrint = pick(
            "Trang này in ra khổ A4 theo thể thức văn bản hành chính (Ctrl+P). Bản Word để chỉnh sửa, ký số và ban hành được tạo bằng lệnh",
            "This page prints on A4 paper in the layout of an administrative document (Ctrl+P). The Word document to edit, sign and issue is made by")
        periodRule = pick(
            "So sánh tình trạng từng lượt nhiệm vụ (một cơ quan chủ trì, một kỳ của nhiệm vụ) tại hai thời điểm: cuối kỳ trước và cuối kỳ này (với kỳ hiện tại: ngày số liệu). Cơ quan phải báo cáo khi chủ trì ít nhất một lượt nhiệm vụ thuộc kỳ này chưa hoàn thành, chưa dừng vào cuối kỳ trước; chưa báo cáo khi không có báo cáo nào của mình cho kỳ này.",
            "Each task assignment (one lead agency, one occurrence of a task) is compared at two dates: the end of the previous period and the end of this one (for the current period: the reporting date). An agency is due to report when it leads at least one assignment of this period that was neither done nor dropped at the previous period's end; it has not reported when no progress file of its own covers the period."
        )
    }

    // MARK: - The words templates use

    /// `words.dashboard`: Tổng quan / Overview.
    public let dashboard: String
    /// `words.plans`: Kế hoạch / Plans.
    public let plans: String
    /// `words.agencies`: Cơ quan, đơn vị / Agencies.
    public let agencies: String
    /// `words.indices`: Chỉ số / Indices.
    public let indices: String
    /// `words.updates`: Cập nhật / Updates.
    public let updates: String
    /// `words.data`: Dữ liệu / Data.
    public let data: String
    /// `words.task`: Nhiệm vụ / Task.
    public let task: String
    /// `words.tasks`: Nhiệm vụ / Tasks.
    public let tasks: String
    /// `words.lead`: Chủ trì / Lead.
    public let lead: String
    /// `words.support`: Phối hợp / Support.
    public let support: String
    /// `words.due`: Thời hạn / Deadline.
    public let due: String
    /// `words.state`: Tình trạng / State.
    public let state: String
    /// `words.target`: Mục tiêu / Target.
    public let target: String
    /// `words.section`: Mục / Section.
    public let section: String
    /// `words.note`: Ghi chú / Note.
    public let note: String
    /// `words.evidence`: Tài liệu kiểm chứng / Evidence.
    public let evidence: String
    /// `words.completion`: Tỷ lệ hoàn thành / Completion.
    public let completion: String
    /// `words.overdue`: Quá hạn / Overdue.
    public let overdue: String
    /// `words.as_of`: Số liệu tính đến ngày / Data as of.
    public let asOf: String
    /// `words.number`: Số hiệu / Number.
    public let number: String
    /// `words.issuer`: Cơ quan ban hành / Issued by.
    public let issuer: String
    /// `words.issued`: Ngày ban hành / Issued.
    public let issued: String
    /// `words.parent`: Thực hiện kế hoạch / Carries out.
    public let parent: String
    /// `words.children`: Kế hoạch thực hiện / Plans carrying it out.
    public let children: String
    /// `words.contents`: Mục lục / Contents.
    public let contents: String
    /// `words.plan_text`: Nội dung kế hoạch / Plan text.
    public let planText: String
    /// `words.year`: Năm / Year.
    public let year: String
    /// `words.score`: Điểm / Score.
    public let score: String
    /// `words.rank`: Xếp hạng / Rank.
    public let rank: String
    /// `words.max`: Điểm tối đa / Maximum.
    public let max: String
    /// `words.results`: Kết quả qua các năm / Results by year.
    public let results: String
    /// `words.areas`: Lĩnh vực, tiêu chí / Areas and criteria.
    public let areas: String
    /// `words.last_result`: Kết quả gần nhất / Latest result.
    public let lastResult: String
    /// `words.as_lead`: Nhiệm vụ chủ trì / Tasks as lead.
    public let asLead: String
    /// `words.as_support`: Nhiệm vụ phối hợp / Tasks as support.
    public let asSupport: String
    /// `words.agency`: Cơ quan / Agency.
    public let agency: String
    /// `words.kind`: Loại / Kind.
    public let kind: String
    /// `words.pairs`: lượt nhiệm vụ / task assignments.
    public let pairs: String
    /// `words.previous`: Trang trước / Previous.
    public let previous: String
    /// `words.next`: Trang sau / Next.
    public let next: String
    /// `words.agencies_lower`: cơ quan, đơn vị / agencies.
    public let agenciesLower: String
    /// `words.aliases`: Tên gọi khác / Other names.
    public let aliases: String
    /// `words.replaces`: Tiếp nhận nhiệm vụ của / Took over from.
    public let replaces: String
    /// `words.done`: Đã hoàn thành / Done.
    public let done: String
    /// `words.reported`: Ngày báo cáo / Reported.
    public let reported: String
    /// `words.period`: Kỳ báo cáo / Period.
    public let period: String
    /// `words.percent`: Tiến độ / Progress.
    public let percent: String
    /// `words.completed`: Ngày hoàn thành / Completed.
    public let completed: String
    /// `words.occurrence`: Kỳ / Occurrence.
    public let occurrence: String
    /// `words.no_due`: Không quy định / None set.
    public let noDue: String
    /// `words.no_updates`: Chưa có cập nhật nào. / No updates yet..
    public let noUpdates: String
    /// `words.no_tasks`: Không có nhiệm vụ. / No tasks..
    public let noTasks: String
    /// `words.most_behind`: Cơ quan chậm tiến độ nhất / Agencies most behind.
    public let mostBehind: String
    /// `words.latest_updates`: Cập nhật mới nhất / Latest updates.
    public let latestUpdates: String
    /// `words.all_updates`: Tất cả cập nhật / All updates.
    public let allUpdates: String
    /// `words.index_results`: Kết quả các chỉ số / Index results.
    public let indexResults: String
    /// `words.by_index`: Hoàn thành theo chỉ số / Completion by index.
    public let byIndex: String
    /// `words.replaced_by`: Nay là / Now part of.
    public let replacedBy: String
    /// `words.downloads`: Tải dữ liệu / Downloads.
    public let downloads: String
    /// `words.not_found`: Không tìm thấy trang / Page not found.
    public let notFound: String
    /// `words.not_found_text`: Trang bạn tìm không có hoặc đã được chuyển. Hãy quay về trang tổng quan. / The page you asked for does not exist or has moved. Go back to the overview..
    public let notFoundText: String
    /// `words.skip`: Bỏ qua, đến nội dung chính / Skip to main content.
    public let skip: String
    /// `words.menu`: Danh mục chính / Main menu.
    public let menu: String
    /// `words.feed`: Nguồn tin cập nhật (Atom) / Updates feed (Atom).
    public let feed: String
    /// `words.made_with`: Trang được tạo bằng cchc / Made with cchc.
    public let madeWith: String
    /// `words.from`: của / of.
    public let from: String
    /// `words.criterion`: Tiêu chí / Criterion.
    public let criterion: String
    /// `words.area`: Lĩnh vực / Area.
    public let area: String
    /// `words.change`: Thay đổi / Change.
    public let change: String
    /// `words.served_by`: Nhiệm vụ phục vụ / Tasks serving it.
    public let servedBy: String
    /// `words.all_agencies`: Tất cả cơ quan, đơn vị / All agencies.
    public let allAgencies: String
    /// `words.all_plans`: Tất cả kế hoạch / All plans.
    public let allPlans: String
    /// `words.all_indices`: Tất cả chỉ số / All indices.
    public let allIndices: String
    /// `words.publisher`: Cơ quan công bố / Publisher.
    public let publisher: String
    /// `words.breadcrumb`: Đường dẫn / Breadcrumb.
    public let breadcrumb: String
    /// `words.total`: Tổng / Total.
    public let total: String
    /// `words.file`: Tệp / File.
    public let file: String
    /// `words.description`: Mô tả / Description.
    public let description: String
    /// `words.list_shortened`: the start of the note under a shortened list.
    public let listShortened: String
    /// `words.full_list`: the link to the full list.
    public let fullList: String
    /// `words.format`: Định dạng / Format.
    public let format: String
    /// `words.periods`: Các kỳ báo cáo.
    public let periods: String
    /// `words.in_period`: Thay đổi trong kỳ.
    public let inPeriod: String
    /// `words.done_in_period`: Hoàn thành trong kỳ.
    public let doneInPeriod: String
    /// `words.newly_overdue`: Mới quá hạn.
    public let newlyOverdue: String
    /// `words.still_overdue`: Vẫn quá hạn.
    public let stillOverdue: String
    /// `words.not_reported`: Chưa báo cáo.
    public let notReported: String
    /// `words.has_reported`: Đã báo cáo.
    public let hasReported: String
    /// `words.no_report_due`: Không phải báo cáo trong kỳ.
    public let noReportDue: String
    /// `words.due_to_report`: Phải báo cáo.
    public let dueToReport: String
    /// `words.previous_end`: Cuối kỳ trước.
    public let previousEnd: String
    /// `words.period_end`: Cuối kỳ này.
    public let periodEnd: String
    /// `words.previous_state`: Tình trạng cuối kỳ trước.
    public let previousState: String
    /// `words.period_details`: Chi tiết kỳ báo cáo.
    public let periodDetails: String
    /// `words.none`: Không có. / None.
    public let none: String
    /// `words.pairs_shortened`: Danh sách rút gọn (quá hạn và thời hạn sớm trước), hiển thị.
    public let pairsShortened: String
    /// `words.all_states_download`: tình trạng mọi nhiệm vụ (CSV).
    public let allStatesDownload: String
    /// `words.period_rule`: how the period page works out its counts.
    public let periodRule: String

    /// `words.target_progress`: Khả năng đạt mục tiêu / Progress towards the targets.
    public let targetProgress: String
    /// `words.level`: Đánh giá / Assessment.
    public let level: String
    /// `words.pace_kept`: Thay đổi bình quân mỗi năm / Average change a year.
    public let paceKept: String
    /// `words.pace_needed`: Thay đổi mỗi năm cần để đạt mục tiêu / Change a year needed.
    public let paceNeeded: String
    /// `words.measure`: Nội dung / Measure.
    public let measure: String
    /// `words.see_full`: Xem đầy đủ / See the full page.
    public let seeFull: String
    /// `words.embed_code`: Nhúng vào trang khác / Embed on another site.
    public let embedCode: String
    /// `words.embed_help`: Chép đoạn mã sau vào trang của cơ quan, đơn vị: / Copy this code into your own page:.
    public let embedHelp: String
    /// `words.embed_preview`: Xem trước / Preview.
    public let embedPreview: String
    /// `words.embed_image`: the lead-in of the `<img>` code of an embed's chart.
    public let embedImage: String
    /// `words.embed_image_preview`: Xem ảnh / See the image.
    public let embedImagePreview: String
    /// `words.agencies_shortened`: the start of the note under a shortened list of agencies.
    public let agenciesShortened: String
    /// `words.report`: Báo cáo kỳ / Period report.
    public let report: String
    /// `words.report_link`: the period page's link to its printable report.
    public let reportLink: String
    /// `words.report_print`: the printable report's note on printing and on the Word document (the command follows it).
    public let reportPrint: String
    /// `words.level_rule`: how a target's on-track level is judged, in a few sentences (the index
    /// pages and the period report show it).
    public let levelRule: String

    /// What the tasks CSV holds, on the data page.
    public let downloadTasksCSV: String
    /// What the tasks JSON holds.
    public let downloadTasksJSON: String
    /// What the indices CSV holds.
    public let downloadIndicesCSV: String
    /// What the indices JSON holds.
    public let downloadIndicesJSON: String
    /// What the agencies CSV holds.
    public let downloadAgenciesCSV: String
    /// What the agencies JSON holds.
    public let downloadAgenciesJSON: String

    /// The name a template uses for each word, `words.<name>`.
    public static let templateNames: [(name: String, word: KeyPath<Words, String> & Sendable)] = [
        ("dashboard", \.dashboard),
        ("plans", \.plans),
        ("agencies", \.agencies),
        ("indices", \.indices),
        ("updates", \.updates),
        ("data", \.data),
        ("task", \.task),
        ("tasks", \.tasks),
        ("lead", \.lead),
        ("support", \.support),
        ("due", \.due),
        ("state", \.state),
        ("target", \.target),
        ("section", \.section),
        ("note", \.note),
        ("evidence", \.evidence),
        ("completion", \.completion),
        ("overdue", \.overdue),
        ("as_of", \.asOf),
        ("number", \.number),
        ("issuer", \.issuer),
        ("issued", \.issued),
        ("parent", \.parent),
        ("children", \.children),
        ("contents", \.contents),
        ("plan_text", \.planText),
        ("year", \.year),
        ("score", \.score),
        ("rank", \.rank),
        ("max", \.max),
        ("results", \.results),
        ("areas", \.areas),
        ("last_result", \.lastResult),
        ("as_lead", \.asLead),
        ("as_support", \.asSupport),
        ("agency", \.agency),
        ("kind", \.kind),
        ("pairs", \.pairs),
        ("previous", \.previous),
        ("next", \.next),
        ("agencies_lower", \.agenciesLower),
        ("aliases", \.aliases),
        ("replaces", \.replaces),
        ("done", \.done),
        ("reported", \.reported),
        ("period", \.period),
        ("percent", \.percent),
        ("completed", \.completed),
        ("occurrence", \.occurrence),
        ("no_due", \.noDue),
        ("no_updates", \.noUpdates),
        ("no_tasks", \.noTasks),
        ("most_behind", \.mostBehind),
        ("latest_updates", \.latestUpdates),
        ("all_updates", \.allUpdates),
        ("index_results", \.indexResults),
        ("by_index", \.byIndex),
        ("replaced_by", \.replacedBy),
        ("downloads", \.downloads),
        ("not_found", \.notFound),
        ("not_found_text", \.notFoundText),
        ("skip", \.skip),
        ("menu", \.menu),
        ("feed", \.feed),
        ("made_with", \.madeWith),
        ("from", \.from),
        ("criterion", \.criterion),
        ("area", \.area),
        ("change", \.change),
        ("served_by", \.servedBy),
        ("all_agencies", \.allAgencies),
        ("all_plans", \.allPlans),
        ("all_indices", \.allIndices),
        ("publisher", \.publisher),
        ("breadcrumb", \.breadcrumb),
        ("total", \.total),
        ("file", \.file),
        ("description", \.description),
        ("format", \.format),
        ("list_shortened", \.listShortened),
        ("full_list", \.fullList),
        ("see_full", \.seeFull),
        ("embed_code", \.embedCode),
        ("embed_help", \.embedHelp),
        ("embed_preview", \.embedPreview),
        ("embed_image", \.embedImage),
        ("embed_image_preview", \.embedImagePreview),
        ("report", \.report),
        ("agencies_shortened", \.agenciesShortened),
        ("report_link", \.reportLink),
        ("report_print", \.reportPrint),
        ("target_progress", \.targetProgress),
        ("level", \.level),
        ("pace_kept", \.paceKept),
        ("pace_needed", \.paceNeeded),
        ("measure", \.measure),
        ("level_rule", \.levelRule),
        ("periods", \.periods),
        ("in_period", \.inPeriod),
        ("done_in_period", \.doneInPeriod),
        ("newly_overdue", \.newlyOverdue),
        ("still_overdue", \.stillOverdue),
        ("not_reported", \.notReported),
        ("has_reported", \.hasReported),
        ("no_report_due", \.noReportDue),
        ("due_to_report", \.dueToReport),
        ("previous_end", \.previousEnd),
        ("period_end", \.periodEnd),
        ("previous_state", \.previousState),
        ("period_details", \.periodDetails),
        ("none", \.none),
        ("pairs_shortened", \.pairsShortened),
        ("all_states_download", \.allStatesDownload),
        ("period_rule", \.periodRule),
    ]

    // MARK: - Phrases

    private func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// How often a recurring task falls due: "Hằng quý".
    public func recurrence(_ every: Recurrence) -> String {
        switch every {
        case .month: return pick("Hằng tháng", "Monthly")
        case .quarter: return pick("Hằng quý", "Quarterly")
        case .half: return pick("6 tháng một lần", "Half-yearly")
        case .year: return pick("Hằng năm", "Yearly")
        }
    }

    /// A recurring task's deadlines: "Hằng quý (30/09/2024 – 31/12/2025, 6 kỳ)".
    public func recurringDeadlines(_ every: Recurrence, first: String, last: String, count: Int) -> String {
        "\(recurrence(every)) (\(first) – \(last), \(count) \(pick("kỳ", "times")))"
    }

    /// The position in a paged list: "Trang 2/5".
    public func pageOf(_ number: Int, _ count: Int) -> String { pick("Trang \(number)/\(count)", "Page \(number) of \(count)") }

    /// A page of a paged list in the breadcrumbs: "Trang 2".
    public func page(_ number: Int) -> String { pick("Trang \(number)", "Page \(number)") }

    /// What a ticked box of a task list in a plan's text says to a screen reader.
    public var boxTicked: String { pick("Đã xong:", "Done:") }
    /// What an open box says.
    public var boxOpen: String { pick("Chưa xong:", "Not done:") }

    /// The score chart's title: "Điểm PAR Index qua các năm".
    public func scoreChartTitle(_ index: String) -> String { pick("Điểm \(index) qua các năm", "\(index) score by year") }
    /// The rank chart's title.
    public func rankChartTitle(_ index: String) -> String { pick("Xếp hạng \(index) qua các năm", "\(index) rank by year") }
    /// The area chart's title.
    public func areaChartTitle(year: Int) -> String { pick("Điểm các lĩnh vực năm \(year)", "Area scores \(year)") }
    /// The sparkline's title.
    public func sparklineTitle(_ index: String) -> String { pick("Xu hướng điểm \(index)", "\(index) score trend") }
    /// What state bars count: "lượt nhiệm vụ".
    public var assignments: String { pick("lượt nhiệm vụ", "assignments") }
    /// The heat map's title, with how many agencies it shows when not all: "(20 trên 4.000 cơ quan đầu danh sách)".
    public func heatmapTitle(shown: Int, of all: Int, format: NumberText) -> String {
        let title = pick("Tỷ lệ hoàn thành theo cơ quan và chỉ số", "Completion by agency and index")
        guard shown < all else { return title }
        return title + pick(" (\(shown) trên \(format.integer(all)) cơ quan đầu danh sách)", " (first \(shown) of \(format.integer(all)) agencies)")
    }

    // MARK: - Words made from values

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

    /// The name of a target's on-track level (the index pages, the dashboard and the period report).
    public func level(_ level: TargetLevel) -> String {
        switch level {
        case .achieved: return pick("Đã đạt mục tiêu", "Target achieved")
        case .onTrack: return pick("Đúng lộ trình", "On track")
        case .moderate: return pick("Có tiến bộ, chưa đủ nhanh", "Moderate progress")
        case .limited: return pick("Tiến bộ ít hoặc không tiến bộ", "Limited or no progress")
        case .deterioration: return pick("Xấu đi", "Deterioration")
        case .missed: return pick("Không đạt mục tiêu", "Target missed")
        case .notEnoughData: return pick("Chưa đủ dữ liệu", "Not enough data")
        }
    }

    /// A change a year: "+0,26/năm".
    public func perYear(_ change: String) -> String { change + pick("/năm", "/year") }

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
}
