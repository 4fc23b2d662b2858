import CCHCCharts
import Foundation
import Testing

/// With `CCHC_CHART_PREVIEW=<folder>`, writes `<folder>/index.html` showing every golden case, for screenshots.
@Suite struct PreviewPage {
    @Test func writePreviewWhenAsked() throws {
        guard let folder = ProcessInfo.processInfo.environment["CCHC_CHART_PREVIEW"], !folder.isEmpty else { return }
        var page = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Biểu đồ CCHC: xem thử</title>
            <style>
            body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.5; }
            main { max-width: 960px; margin: 0 auto; padding: 1rem; }
            .chart { width: 100%; height: auto; max-width: 40rem; display: block; }
            .chart-spark { width: 6em; height: 1.5em; display: inline-block; vertical-align: middle; }
            .chart-figure { margin: 0 0 2rem; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #ccc; padding: .2rem .4rem; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            </style>
            </head>
            <body>
            <main>
            <h1>Biểu đồ CCHC</h1>

            """
        let head = page
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, chart) in GoldenCases.all {
            let section = "<section><h2>\(name)</h2>\n\(chart.render().html)\n</section>\n"
            page += section
            let single = head + section + "</main>\n</body>\n</html>\n"
            try single.write(toFile: folder + "/\(name).html", atomically: true, encoding: .utf8)
        }
        page += "</main>\n</body>\n</html>\n"
        try page.write(toFile: folder + "/index.html", atomically: true, encoding: .utf8)
    }
}
