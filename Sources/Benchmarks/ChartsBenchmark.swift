import CCHCCharts
import Foundation

/// `cchc-bench charts [COUNT] [--digest]`: renders COUNT charts cycling through every kind, with data that varies per chart.
///
/// `--digest` then renders them all once more, untimed, and prints a hash of every byte of output, so a change
/// meant to keep the output identical can be checked on far more charts than the golden files hold.
enum ChartsBenchmark {
    /// Runs the benchmark; returns the process exit code.
    static func run(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        let digest = arguments.contains("--digest")
        arguments.removeAll { $0 == "--digest" }
        let count: Int
        if let first = arguments.first {
            guard let n = Int(first), n > 0, arguments.count == 1 else {
                print("usage: cchc-bench charts [COUNT] [--digest]")
                return 2
            }
            count = n
        } else {
            count = 10_000
        }
        let charts = (0..<count).map(makeChart)
        // Warm up once so first-use costs are not counted.
        _ = charts.prefix(8).map { $0.render() }
        var bytes = 0
        var perKind: [String: (Int, Duration)] = [:]
        let clock = ContinuousClock()
        let start = clock.now
        for chart in charts {
            let t0 = clock.now
            let out = chart.render()
            let dt = clock.now - t0
            bytes += out.svgBytes.count + out.tableBytes.count + out.htmlBytes.count
            let kind = String(describing: type(of: chart))
            let old = perKind[kind] ?? (0, .zero)
            perKind[kind] = (old.0 + 1, old.1 + dt)
        }
        let total = clock.now - start
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        print(
            "charts: \(count) rendered in \(String(format: "%.3f", seconds)) s, "
                + "\(String(format: "%.1f", seconds / Double(count) * 1e6)) µs per chart, \(bytes / 1024) KiB of output")
        for (kind, (n, d)) in perKind.sorted(by: { $0.key < $1.key }) {
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            print("  \(kind): \(n) × \(String(format: "%.1f", s / Double(n) * 1e6)) µs")
        }
        if digest {
            // FNV-1a over the three parts of every chart, in order.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for chart in charts {
                let out = chart.render()
                for part in [out.svgBytes, out.tableBytes, out.htmlBytes] {
                    for byte in part { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                    hash = (hash ^ 0xff) &* 0x100_0000_01b3
                }
            }
            print("output digest: \(String(hash, radix: 16))")
        }
        return 0
    }

    static let names = [
        "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh",
        "UBND huyện Na Hang", "Trung tâm Phục vụ hành chính công huyện Bà Rịa - Vũng Tàu", "Sở Khoa học và Công nghệ",
    ]

    /// The i-th chart: kinds in turn, sizes typical of a report page (8 areas, 20 agencies, 12 tasks).
    static func makeChart(_ i: Int) -> any Chart {
        let v = Double(i % 97) / 10
        switch i % 8 {
        case 0:
            return ScoreTrendChart(
                id: "score-\(i)", title: "Điểm Chỉ số CCHC qua các năm",
                points: (2018...2024).map { .init(year: $0, score: 80 + v + Double($0 % 5)) }, maximum: 100,
                targets: [.init(year: 2025, score: 92)], methodBreakYear: i % 16 == 0 ? 2022 : nil)
        case 1:
            return RankTrendChart(
                id: "rank-\(i)", title: "Xếp hạng qua các năm",
                points: (2018...2024).map { .init(year: $0, rank: 1 + ($0 * 7 + i) % 63, of: $0 == 2022 ? 61 : 63) })
        case 2:
            return AreaBarsChart(
                id: "areas-\(i)", title: "Điểm các lĩnh vực",
                rows: (0..<8).map {
                    .init(
                        name: names[$0] + " lĩnh vực \($0 + 1)", score: 5 + v / 2, maximum: 10 + Double($0),
                        target: 9, previous: 6)
                })
        case 3:
            return StateBarsChart(
                id: "states-\(i)", title: "Nhiệm vụ theo cơ quan",
                rows: (0..<20).map { r in
                    .init(
                        name: names[r % names.count],
                        counts: [.done: (r + i) % 9, .inProgress: r % 4, .overdue: (r * 3) % 5, .dropped: r % 7 == 0 ? 1 : 0])
                })
        case 4:
            return CompletionRingChart(id: "ring-\(i)", title: "Tỷ lệ hoàn thành", share: Double(i % 101) / 100, caption: "\(i % 101)/100 nhiệm vụ")
        case 5:
            return DeadlineTimelineChart(
                id: "timeline-\(i)", title: "Thời hạn nhiệm vụ",
                tasks: (0..<12).map { t in
                    .init(
                        name: names[t % names.count] + ": nhiệm vụ số \(t + 1)",
                        due: ChartDate(2024, 1 + (t + i) % 12, 1 + t * 2),
                        state: TaskState.allCases[(t + i) % TaskState.allCases.count])
                },
                reportDate: ChartDate(2024, 6, 30))
        case 6:
            return HeatmapChart(
                id: "heat-\(i)", title: "Tỷ lệ hoàn thành theo cơ quan và chỉ số", columns: ["PAR Index", "SIPAS", "PAPI", "PCI", "DTI"],
                rows: (0..<20).map { r in
                    .init(
                        name: names[r % names.count],
                        shares: (0..<5).map { c in (r + c + i) % 6 == 0 ? nil : Double((r * 13 + c * 7 + i) % 101) / 100 })
                })
        default:
            return SparklineChart(id: "spark-\(i)", title: "Xu hướng", points: (2018...2024).map { .init(year: $0, value: 80 + v + Double($0 % 3)) })
        }
    }
}
