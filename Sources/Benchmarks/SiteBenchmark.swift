import CCHCCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Times the site pipeline in-process: a full build, a check, and a preview-style rebuild after one
/// progress file changes. Each prints wall time, CPU time and peak memory of this process.
enum SiteBenchmark {
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// User + system CPU seconds and peak resident memory (MiB) of this process so far.
    static func usage() -> (cpu: Double, peakMiB: Double) {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        let cpu = Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
        return (cpu, Double(u.ru_maxrss) / 1024)
    }

    static func report(_ name: String, wall: Double, cpuBefore: Double, extra: String = "") {
        let (cpu, peak) = usage()
        print(String(format: "%@: wall %.3f s, cpu %.3f s, peak %.0f MiB%@", name, wall, cpu - cpuBefore, peak, extra))
    }

    /// `site-build SITE [OUT]`: a full build, as `cchc build` does it, into OUT or a temporary folder.
    static func build(_ arguments: [String]) -> Int32 {
        guard let site = arguments.first else {
            print("usage: cchc-bench site-build SITE [OUT]")
            return 2
        }
        let root = URL(fileURLWithPath: site)
        // With OUT the output is kept, so a second run measures a build over an existing output.
        let keep = arguments.count > 1
        let out = keep ? URL(fileURLWithPath: arguments[1]) : URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cchc-bench-\(getpid())")
        defer { if !keep { try? FileManager.default.removeItem(at: out) } }
        let cpu = usage().cpu
        let started = ContinuousClock.now
        do {
            let result = try SiteBuild.run(root: root, out: out)
            let wall = seconds(ContinuousClock.now - started)
            guard let summary = result.summary else {
                print("build failed: \(DiagnosticReport.summary(result.diagnostics))")
                return 1
            }
            report(
                "build", wall: wall, cpuBefore: cpu,
                extra: String(format: ", %d pages, %.0f pages/s, %d MiB written", summary.pages, Double(summary.pages) / wall, summary.bytes >> 20))
            for line in result.timings.report { print(line) }
            return 0
        } catch {
            print("error: \(error)")
            return 1
        }
    }

    /// `site-pages SITE`: builds and renders every page on one core, timing page contexts and
    /// templates apart, by page kind (no files are written).
    static func pages(_ arguments: [String]) -> Int32 {
        guard let site = arguments.first else {
            print("usage: cchc-bench site-pages SITE")
            return 2
        }
        guard let output = SiteBuild.prepare(root: URL(fileURLWithPath: site)).output else {
            print("the site does not build")
            return 1
        }
        let cpu = usage().cpu
        let started = ContinuousClock.now
        let times = output.timePages()
        var contexts = 0.0, templates = 0.0
        for time in times {
            print(
                String(
                    format: "  %-10@ %6d pages: contexts %7.3f s, templates %7.3f s, %5d MiB", time.kind as NSString, time.pages,
                    seconds(time.contexts), seconds(time.templates), time.bytes >> 20))
            contexts += seconds(time.contexts)
            templates += seconds(time.templates)
        }
        report(
            "pages", wall: seconds(ContinuousClock.now - started), cpuBefore: cpu,
            extra: String(format: ", contexts %.3f s, templates %.3f s", contexts, templates))
        return 0
    }

    /// `site-check SITE`: reading, checking and deriving, as `cchc check` does it.
    static func check(_ arguments: [String]) -> Int32 {
        guard let site = arguments.first else {
            print("usage: cchc-bench site-check SITE")
            return 2
        }
        let cpu = usage().cpu
        let started = ContinuousClock.now
        let result = SiteLoader.load(root: URL(fileURLWithPath: site))
        report("check", wall: seconds(ContinuousClock.now - started), cpuBefore: cpu, extra: ", \(result.errors.count) errors")
        return result.errors.isEmpty ? 0 : 1
    }

    /// `site-rebuild SITE [ROUNDS] [--rename]`: what `cchc serve` does on every save. After a
    /// first build, changes one progress file, then times (a) the rebuild until the new state is
    /// ready to serve (load through the parse cache, check, derive, list every path) and (b)
    /// rendering the dashboard and the changed task's page on their first request; prints each
    /// round and the medians. The file is rewritten in place, or with `--rename` saved to a new
    /// file renamed over it, as many editors save (its folder changes, so the files are listed again).
    static func rebuild(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        let rename = arguments.contains("--rename")
        arguments.removeAll { $0 == "--rename" }
        guard let site = arguments.first else {
            print("usage: cchc-bench site-rebuild SITE [ROUNDS] [--rename]")
            return 2
        }
        let rounds = max(1, arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5)
        let root = URL(fileURLWithPath: site)
        let progress = root.appendingPathComponent("content/progress")
        guard let file = FileManager.default.enumerator(atPath: progress.path)?.compactMap({ $0 as? String }).sorted().first(where: { $0.hasSuffix(".yml") })
        else {
            print("no progress file under \(progress.path)")
            return 2
        }
        let path = progress.appendingPathComponent(file)
        let original = (try? Data(contentsOf: path)) ?? Data()
        defer { try? original.write(to: path) }
        let cache = ParseCache()
        let firstStarted = ContinuousClock.now
        guard let first = SiteBuild.prepare(root: root, cache: cache).loaded else {
            print("the site does not build")
            return 1
        }
        print(String(format: "  first build (every file read): %.3f s", seconds(ContinuousClock.now - firstStarted)))
        guard let task = first.site.reports.first(where: { $0.path == "content/progress/" + file })?.updates.first?.task.value else {
            print("content/progress/\(file) has no update")
            return 2
        }
        let pages = [SitePaths.dashboard, SitePaths.task(task)]
        var rebuilds: [Double] = [], renders: [[Double]] = Array(repeating: [], count: pages.count)
        var lastTimings = Timings()
        for round in 0..<rounds {
            var changed = original
            changed.append(contentsOf: Array("# lần sửa \(round)\n".utf8))
            try? changed.write(to: path, options: rename ? .atomic : [])
            var timings = Timings()
            let started = ContinuousClock.now
            let (output, _, diagnostics) = SiteBuild.prepare(root: root, asOf: nil, baseURL: nil, cache: cache, timings: &timings)
            // As the preview counts them for its report.
            let counts = output.map { output in (output.paths.filter { $0.hasSuffix(".html") }.count, output.count) }
            let wall = seconds(ContinuousClock.now - started)
            guard let output, let counts else {
                print("rebuild failed: \(DiagnosticReport.summary(diagnostics))")
                return 1
            }
            rebuilds.append(wall)
            lastTimings = timings
            var line = String(
                format: "  round %d: rebuild %.3f s (%@ read again; %d pages, %d files)", round + 1, wall,
                cache.lastRead.joined(separator: ", "), counts.0, counts.1)
            for (i, page) in pages.enumerated() {
                let renderStarted = ContinuousClock.now
                guard case .bytes(let bytes)? = output.contents(of: page), !bytes.isEmpty else {
                    print("no page \(page)")
                    return 1
                }
                let time = seconds(ContinuousClock.now - renderStarted)
                renders[i].append(time)
                line += String(format: ", %@ %.3f s", page, time)
            }
            print(line)
        }
        print("stages of the last rebuild:")
        for line in lastTimings.report { print(line) }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        print(String(format: "rebuild after one progress file: median %.3f s, max %.3f s (%d rounds)", median(rebuilds), rebuilds.max() ?? 0, rounds))
        for (i, page) in pages.enumerated() {
            print(String(format: "first request of %@: median %.3f s", page, median(renders[i])))
        }
        return 0
    }
}
