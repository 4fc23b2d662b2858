import CCHCCharts

/// The charts checked against golden files, by case name (the golden file is `Golden/<name>.svg`).
enum GoldenCases {
    typealias S = ScoreTrendChart

    /// Every case, in a fixed order.
    static let all: [(name: String, chart: any Chart)] = score + rank + areas + states + rings + timelines + heatmaps + sparks

    static let score: [(name: String, chart: any Chart)] = [
        (
            "score-par",
            S(
                id: "par-score", title: "Điểm Chỉ số CCHC qua các năm",
                points: [
                    .init(year: 2020, score: 83.81), .init(year: 2021, score: 86.57), .init(year: 2022, score: 85.95),
                    .init(year: 2023, score: 87.12), .init(year: 2024, score: 88.37),
                ],
                maximum: 100, targets: [.init(year: 2025, score: 90)])
        ),
        (
            "score-sipas-break",
            S(
                id: "sipas-score", title: "Chỉ số SIPAS qua các năm",
                points: [
                    .init(year: 2019, score: 84.45), .init(year: 2020, score: 85.48), .init(year: 2021, score: 86.1),
                    .init(year: 2022, score: 80.08), .init(year: 2023, score: 82.66), .init(year: 2024, score: 83.94),
                ],
                maximum: 100, unit: "%", targets: [.init(year: 2024, score: 85)], methodBreakYear: 2022)
        ),
        (
            "score-papi-missing",
            S(
                id: "papi-score", title: "Điểm PAPI qua các năm",
                points: [
                    .init(year: 2018, score: 43.78), .init(year: 2019, score: 43.61), .init(year: 2022, score: 44.31),
                    .init(year: 2023, score: 46.04),
                ],
                maximum: 80, minimum: 10)
        ),
        ("score-single", S(id: "single", title: "Điểm Chỉ số CCHC năm 2022", points: [.init(year: 2022, score: 85.95)], maximum: 100)),
        ("score-zero", S(id: "zero", title: "Điểm toàn số không", points: (2020...2024).map { .init(year: $0, score: 0) }, maximum: 100)),
        (
            "score-above-max",
            S(
                id: "above", title: "Điểm vượt thang",
                points: [
                    .init(year: 2022, score: 95.5), .init(year: 2023, score: 104.2),
                    .init(year: 2024, score: -3),
                ], maximum: 100)
        ),
        ("score-empty", S(id: "empty", title: "Điểm Chỉ số CCHC qua các năm", points: [], maximum: 100)),
        (
            "score-many-years",
            S(
                id: "many", title: "Điểm qua 15 năm",
                points: (2010...2024).map { .init(year: $0, score: 70 + Double(($0 * 37) % 23) * 0.9) }, maximum: 100,
                targets: [.init(year: 2025, score: 92), .init(year: 2030, score: 95)])
        ),
        (
            "score-english",
            S(
                id: "en-score", title: "PAR Index score by year",
                points: [.init(year: 2020, score: 83.81), .init(year: 2021, score: 86.57)], maximum: 100,
                targets: [.init(year: 2021, score: 85)], language: .en)
        ),
        (
            "score-escaping",
            S(
                id: "esc \"x\" <y>", title: "<script>alert('x')</script> A & B \"x\"",
                points: [.init(year: 2020, score: 1), .init(year: 2021, score: 2)], maximum: 10, unit: "<&>")
        ),
    ]

    static let rank: [(name: String, chart: any Chart)] = [
        (
            "rank-par",
            RankTrendChart(
                id: "par-rank", title: "Xếp hạng Chỉ số CCHC qua các năm",
                points: [
                    .init(year: 2020, rank: 35, of: 63), .init(year: 2021, rank: 34, of: 63), .init(year: 2022, rank: 28, of: 63),
                    .init(year: 2023, rank: 51, of: 63), .init(year: 2024, rank: 20, of: 63),
                ])
        ),
        (
            "rank-of-changes",
            RankTrendChart(
                id: "papi-rank", title: "Xếp hạng PAPI qua các năm",
                points: [
                    .init(year: 2021, rank: 12, of: 63), .init(year: 2022, rank: 8, of: 61), .init(year: 2023, rank: 10, of: 61),
                    .init(year: 2024, rank: 14, of: 63), .init(year: 2025, rank: 10, of: 34),
                ])
        ),
        (
            "rank-extremes",
            RankTrendChart(
                id: "rank-63", title: "Xếp hạng từ 1 đến 63",
                points: [.init(year: 2021, rank: 1, of: 63), .init(year: 2022, rank: 63, of: 63), .init(year: 2024, rank: 70, of: 63)])
        ),
        ("rank-single", RankTrendChart(id: "rank-one", title: "Xếp hạng năm 2022", points: [.init(year: 2022, rank: 28, of: 63)])),
        ("rank-empty", RankTrendChart(id: "rank-none", title: "Xếp hạng SIPAS", points: [], language: .en)),
    ]

    static let parAreas: [AreaBarsChart.Row] = [
        .init(name: "Công tác chỉ đạo, điều hành cải cách hành chính", score: 9.12, maximum: 10, target: 9.5, previous: 8.67),
        .init(name: "Cải cách thể chế", score: 8.5, maximum: 10, target: 9, previous: 9.7),
        .init(name: "Cải cách thủ tục hành chính", score: 13.02, maximum: 14.5, target: 13.5, previous: 13.02),
        .init(name: "Cải cách tổ chức bộ máy hành chính nhà nước", score: 9.8, maximum: 11),
        .init(name: "Cải cách chế độ công vụ", score: 12.44, maximum: 16, target: 14, previous: 11.9),
        .init(name: "Cải cách tài chính công", score: 6.1, maximum: 7, target: 6.5, previous: 6.3),
        .init(name: "Xây dựng và phát triển chính quyền điện tử, chính quyền số", score: 12.9, maximum: 16, target: 14, previous: 11.2),
        .init(
            name: "Tác động của CCHC đến người dân, tổ chức và các chỉ tiêu phát triển KT-XH của tỉnh", score: 11.4, maximum: 15.5, target: 12, previous: 12.1),
    ]

    static let areas: [(name: String, chart: any Chart)] = [
        ("areas-par", AreaBarsChart(id: "par-areas", title: "Điểm các lĩnh vực Chỉ số CCHC năm 2024 (điểm tối đa theo 2948, minh họa)", rows: parAreas)),
        (
            "areas-edge",
            AreaBarsChart(
                id: "areas-edge", title: "Trường hợp biên",
                rows: [
                    .init(name: "Không có điểm", score: nil, maximum: 10, target: 8),
                    .init(name: "Bằng không", score: 0, maximum: 10, previous: 0),
                    .init(name: "Vượt điểm tối đa", score: 11.2, maximum: 10, target: 9, previous: 9.5),
                    .init(name: "Tối đa", score: 10, maximum: 10, target: 10, previous: 10.4),
                    .init(name: "<b>A & B</b> \"trích\" 'x'", score: 5, maximum: 10),
                ], rowHeader: "Tiêu chí")
        ),
        ("areas-empty", AreaBarsChart(id: "areas-none", title: "Điểm các lĩnh vực", rows: [])),
    ]

    /// 60 agency names, some long, deterministic.
    static let agencies: [String] = {
        let departments = [
            "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông",
            "Văn phòng UBND tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường",
            "Sở Xây dựng", "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch", "Thanh tra tỉnh", "Ban Quản lý các khu công nghiệp tỉnh",
            "Công an tỉnh", "Cục Thuế tỉnh", "Bưu điện tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Sở Dân tộc và Tôn giáo",
        ]
        let districts = ["Na Hang", "Lâm Bình", "Chiêm Hóa", "Hàm Yên", "Yên Sơn", "Sơn Dương", "Đắk Lắk", "Điện Biên", "Bắc Kạn", "Bà Rịa - Vũng Tàu"]
        var names = departments
        for d in districts { names.append("UBND huyện \(d)") }
        for d in districts { names.append("Trung tâm Phục vụ hành chính công huyện \(d)") }
        for d in districts { names.append("UBND xã \(d)") }
        return names
    }()

    static func counts(_ i: Int) -> [TaskState: Int] {
        [
            .done: (i * 7) % 11, .doneLate: i % 3, .inProgress: (i * 5) % 7, .notStarted: i % 4, .overdue: (i * 3) % 5,
            .dropped: i % 6 == 0 ? 1 : 0, .noReport: i % 5 == 0 ? 2 : 0,
        ]
    }

    static let states: [(name: String, chart: any Chart)] = [
        (
            "states-plan",
            StateBarsChart(
                id: "plan-states", title: "Tình hình thực hiện nhiệm vụ theo cơ quan",
                rows: Array(agencies.prefix(6).enumerated().map { .init(name: $0.element, counts: counts($0.offset + 1)) }))
        ),
        (
            "states-60-agencies",
            StateBarsChart(
                id: "states-60", title: "60 cơ quan",
                rows: agencies.enumerated().map { .init(name: $0.element, counts: counts($0.offset)) })
        ),
        (
            "states-counts",
            StateBarsChart(
                id: "states-count", title: "Nhiệm vụ theo lĩnh vực (số lượng)",
                rows: [
                    .init(name: "Cải cách thể chế", counts: [.done: 12, .overdue: 3]),
                    .init(name: "Cải cách thủ tục hành chính", counts: [.done: 2, .inProgress: 1]),
                    .init(name: "Không có nhiệm vụ", counts: [:]),
                    .init(name: "Cải cách tài chính công", counts: [.dropped: 4, .noReport: 2, .doneLate: 1]),
                ],
                rowHeader: "Lĩnh vực", lengths: .count)
        ),
        (
            "states-all-zero",
            StateBarsChart(
                id: "states-zero", title: "Không có nhiệm vụ nào",
                rows: [.init(name: "Sở Nội vụ", counts: [.done: 0])])
        ),
    ]

    static let rings: [(name: String, chart: any Chart)] = [
        ("ring-normal", CompletionRingChart(id: "ring", title: "Tỷ lệ nhiệm vụ hoàn thành năm 2024", share: 0.845, caption: "169/200 nhiệm vụ")),
        ("ring-zero", CompletionRingChart(id: "ring-zero", title: "Tỷ lệ hoàn thành", share: 0)),
        ("ring-full", CompletionRingChart(id: "ring-full", title: "Share of tasks done", share: 1, caption: "20/20 tasks", language: .en)),
        ("ring-over", CompletionRingChart(id: "ring-over", title: "Tỷ lệ vượt 100%", share: 1.25)),
        ("ring-empty", CompletionRingChart(id: "ring-none", title: "Tỷ lệ hoàn thành", share: nil)),
    ]

    static let planTasks: [DeadlineTimelineChart.Task] = [
        .init(name: "Xây dựng kế hoạch của cơ quan, đơn vị, địa phương cụ thể hóa nhiệm vụ được giao chủ trì", due: ChartDate(2024, 6, 20), state: .doneLate),
        .init(name: "Tham mưu thành lập Trung tâm Phục vụ hành chính công cấp tỉnh", due: ChartDate(2024, 9, 30), state: .done),
        .init(name: "Báo cáo hằng tháng kết quả các chỉ tiêu lĩnh vực cải cách thể chế (qua Sở Nội vụ)", due: ChartDate(2024, 8, 25), state: .overdue),
        .init(name: "Theo dõi, đôn đốc thực hiện Kế hoạch; báo cáo UBND tỉnh kết quả", due: ChartDate(2024, 11, 30), state: .inProgress),
        .init(name: "Đưa Trung tâm vào hoạt động", due: ChartDate(2024, 12, 31), state: .notStarted),
        .init(name: "Rà soát thủ tục hành chính", due: ChartDate(2024, 7, 15), state: .dropped),
        .init(name: "Cung cấp tài liệu kiểm chứng", due: ChartDate(2024, 10, 15), state: .noReport),
    ]

    /// Nine months with all six states drawn, the legend on two lines, and markers in the middle whose captions fit on
    /// neither side (as on the Sở Nội vụ page).
    static let midTasks: [DeadlineTimelineChart.Task] = [
        .init(name: "Xây dựng kế hoạch của cơ quan cụ thể hóa nhiệm vụ được giao chủ trì", due: ChartDate(2024, 6, 20), state: .done),
        .init(
            name: "Tổng hợp tiến độ thực hiện Kế hoạch của các cơ quan, báo cáo UBND tỉnh hằng tháng (Tháng 8/2024)",
            due: ChartDate(2024, 8, 25), state: .doneLate),
        .init(name: "Lập danh sách đối tượng điều tra SIPAS năm 2024 gửi Bộ Nội vụ", due: ChartDate(2024, 10, 31), state: .doneLate),
        .init(name: "Kiểm tra công tác CCHC năm 2024 tại 06 sở, ngành và 04 UBND cấp huyện", due: ChartDate(2024, 11, 30), state: .overdue),
        .init(
            name: "Giữ điểm tối đa và khắc phục các tiêu chí điểm thấp thuộc lĩnh vực cải cách thể chế", due: ChartDate(2024, 12, 31),
            state: .inProgress),
        .init(
            name: "Tổng hợp kết quả tự chấm điểm Chỉ số CCHC năm 2024, trình Hội đồng thẩm định của tỉnh", due: ChartDate(2025, 1, 20),
            state: .notStarted),
        .init(name: "Tham mưu xây dựng bộ tiêu chí đánh giá công tác CCHC", due: ChartDate(2025, 3, 31), state: .noReport),
    ]

    static let timelines: [(name: String, chart: any Chart)] = [
        (
            "timeline-plan",
            DeadlineTimelineChart(
                id: "plan-deadlines", title: "Thời hạn các nhiệm vụ của Kế hoạch 386/KH-UBND",
                tasks: planTasks, reportDate: ChartDate(2024, 9, 15))
        ),
        (
            "timeline-same-day",
            DeadlineTimelineChart(
                id: "same-day", title: "Deadlines on one day",
                tasks: [
                    .init(name: "Task A", due: ChartDate(2024, 2, 29), state: .done),
                    .init(name: "Task B & <C>", due: ChartDate(2024, 2, 29), state: .overdue),
                ],
                reportDate: ChartDate(2024, 2, 29), language: .en)
        ),
        (
            "timeline-years",
            DeadlineTimelineChart(
                id: "years", title: "Nhiệm vụ nhiều năm",
                tasks: [
                    .init(name: "Giai đoạn 1", due: ChartDate(2021, 9, 30), state: .done),
                    .init(name: "Giai đoạn 2", due: ChartDate(2023, 12, 31), state: .done),
                    .init(name: "Giai đoạn 3", due: ChartDate(2025, 12, 31), state: .inProgress),
                ],
                reportDate: ChartDate(2026, 3, 1))
        ),
        (
            "timeline-mid",
            DeadlineTimelineChart(
                id: "mid", title: "Thời hạn nhiệm vụ chủ trì của Sở Nội vụ",
                tasks: midTasks, reportDate: ChartDate(2024, 12, 31))
        ),
        ("timeline-empty", DeadlineTimelineChart(id: "timeline-none", title: "Thời hạn nhiệm vụ", tasks: [], reportDate: ChartDate(2024, 6, 30))),
    ]

    static let indexColumns = ["PAR Index", "SIPAS", "PAPI", "PCI", "DTI"]

    static let heatmaps: [(name: String, chart: any Chart)] = [
        (
            "heatmap-small",
            HeatmapChart(
                id: "heat", title: "Tỷ lệ hoàn thành nhiệm vụ theo cơ quan và chỉ số", columns: indexColumns,
                rows: [
                    .init(name: "Sở Nội vụ", shares: [0.85, 1, 0.5, nil, 0]),
                    .init(name: "Sở Thông tin và Truyền thông", shares: [0.62, nil, 0.33, 0.9, 0.75]),
                    .init(name: "Trung tâm Phục vụ hành chính công huyện Bà Rịa - Vũng Tàu", shares: [1.2, 0.25]),
                    .init(name: "<script>alert(1)</script>", shares: [nil, nil, nil, nil, nil]),
                ])
        ),
        (
            "heatmap-60-agencies",
            HeatmapChart(
                id: "heat-60", title: "60 cơ quan × 5 chỉ số", columns: indexColumns,
                rows: agencies.enumerated().map { i, name in
                    .init(name: name, shares: (0..<5).map { c in (i + c) % 7 == 0 ? nil : Double((i * 13 + c * 29) % 101) / 100 })
                })
        ),
        (
            "heatmap-wide",
            HeatmapChart(
                id: "heat-wide", title: "Nhiều cột",
                columns: [
                    "Tiếp cận dịch vụ", "Thủ tục hành chính", "Công chức trực tiếp giải quyết công việc",
                    "Kết quả dịch vụ", "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị", "Chính sách", "Khác", "Thêm",
                ],
                rows: [.init(name: "Sở Nội vụ", shares: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])])
        ),
        ("heatmap-empty", HeatmapChart(id: "heat-none", title: "Không có cơ quan", columns: indexColumns, rows: [])),
    ]

    static let sparks: [(name: String, chart: any Chart)] = [
        (
            "spark-score",
            SparklineChart(
                id: "spark", title: "Xu hướng điểm Chỉ số CCHC",
                points: [
                    .init(year: 2020, value: 83.81), .init(year: 2021, value: 86.57), .init(year: 2023, value: 85.95),
                    .init(year: 2024, value: 88.37),
                ])
        ),
        (
            "spark-rank",
            SparklineChart(
                id: "spark-rank", title: "Xu hướng xếp hạng",
                points: [.init(year: 2020, value: 35), .init(year: 2021, value: 34), .init(year: 2022, value: 28)],
                range: 1...63, decimals: 0, lowerIsBetter: true)
        ),
        ("spark-flat", SparklineChart(id: "spark-flat", title: "Không đổi", points: [.init(year: 2022, value: 0), .init(year: 2023, value: 0)])),
        ("spark-empty", SparklineChart(id: "spark-none", title: "Không có dữ liệu", points: [])),
    ]
}
