// Benchmarks for cchc, run from a release build: `swift run -c release cchc-bench <name> [args...]`.
// Each benchmark lives in its own file and is registered here by name.
import CCHCSynthetic
import Foundation

#if os(Linux)
    import CMimalloc

    cchc_tune_allocator()
#endif

/// The benchmarks by subcommand name: a one-line summary and the function that runs it with the remaining arguments.
let benchmarks: [(name: String, summary: String, run: ([String]) -> Int32)] = [
    ("charts", "render COUNT (default 10000) charts of mixed kinds", ChartsBenchmark.run),
    ("site-build", "build SITE in-process into a temporary folder: wall, CPU, peak memory, pages/s, stages", SiteBenchmark.build),
    ("site-pages", "build and render every page of SITE on one core, timing page contexts and templates apart", SiteBenchmark.pages),
    ("site-check", "read, check and derive SITE in-process", SiteBenchmark.check),
    ("site-rebuild", "rebuild SITE in memory after one progress file changes, as cchc serve does", SiteBenchmark.rebuild),
    ("generate", "write a synthetic site (and optionally the equivalent Hugo site) at a chosen scale", SyntheticSite.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
    print("usage: cchc-bench <benchmark> [args...]")
    for b in benchmarks { print("  \(b.name): \(b.summary)") }
    exit(arguments.isEmpty ? 0 : 2)
}
exit(benchmark.run(Array(arguments.dropFirst())))
