// swift-tools-version:6.0
import PackageDescription

/// The programs allocate with mimalloc (Debian's `libmimalloc-dev`, installed by scripts/setup):
/// linked before the C library, it takes the place of malloc for the whole process. Page
/// contexts and templates make millions of small allocations, and with glibc's allocator
/// rendering a national site's pages took a tenth more CPU.
let fastAllocator: [LinkerSetting] = [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "cchc",
    platforms: [.macOS(.v15)], // Synchronization's Mutex and Atomic
    products: [
        .executable(name: "cchc", targets: ["cchc"]),
        .library(name: "CCHCCore", targets: ["CCHCCore"]),
        .library(name: "CCHCCharts", targets: ["CCHCCharts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        // The extensions library is not in the .pc file, so the module map links it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libyaml from Debian's libyaml-dev: the YAML composer reads its events. (Yams bundles a
        // copy of its own, but does not export it; Yams is only in the tests, to compare with.)
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // mimalloc's options (Debian's libmimalloc-dev), set by the programs as they start.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // The commit the binary was built from, written by scripts/build and scripts/package into
        // a generated header (ignored by git); empty when the build did not write it.
        .target(name: "CCHCBuildInfo"),
        // The site's language and how it writes numbers, for pages and charts alike.
        .target(name: "CCHCFormat"),
        // SVG charts: Foundation only.
        .target(name: "CCHCCharts", dependencies: ["CCHCFormat"]),
        // The domain: model, loading, validation, derivation, Markdown, rendering, site writer.
        .target(
            name: "CCHCCore",
            dependencies: [
                "CCmarkGFM",
                "CLibYAML",
                "CCHCFormat",
                "CCHCCharts",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The preview server: the only target that imports Hummingbird.
        .target(
            name: "CCHCPreview",
            dependencies: [
                "CCHCCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The thin command line: the only target that imports ArgumentParser.
        .executableTarget(
            name: "cchc",
            dependencies: [
                "CCHCCore",
                "CCHCPreview",
                "CCHCBuildInfo",
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: fastAllocator
        ),
        // Benchmarks (run in release builds, never as timed tests).
        .executableTarget(
            name: "cchc-bench",
            dependencies: ["CCHCCore", "CCHCCharts", "CCHCSynthetic", .target(name: "CMimalloc", condition: .when(platforms: [.linux]))],
            path: "Sources/Benchmarks",
            linkerSettings: fastAllocator
        ),
        // Synthetic site folders at a chosen scale, for the benchmarks and the tests (Foundation only).
        .target(name: "CCHCSynthetic", path: "Sources/Synthetic"),
        // Helpers shared by the test targets: fixture sites, running the real binary.
        .target(name: "CCHCTestSupport", dependencies: ["CCHCCore"]),
        // Yams here only to compare our YAML composer with its own. Yams compiles its own copy of
        // libyaml into this test binary; see YAMLComposerTests for why that copy serving the
        // composer here too is safe.
        .testTarget(
            name: "CCHCCoreTests",
            dependencies: [
                "CCHCCore", "CCHCTestSupport", "CCHCSynthetic", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(name: "CCHCFormatTests", dependencies: ["CCHCFormat"]),
        .testTarget(name: "CCHCChartsTests", dependencies: ["CCHCCharts", "CCHCFormat"], exclude: ["Golden"]),
        .testTarget(name: "CCHCPreviewTests", dependencies: ["CCHCPreview", "CCHCTestSupport"]),
        .testTarget(
            name: "CLITests", dependencies: ["CCHCTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")], exclude: ["Golden", "Fixtures"]),
    ]
)

// Fuzz targets (libFuzzer) for every reader of outside data, built only by scripts/fuzz: with
// CCHC_FUZZ set, one executable is added whose LLVMFuzzerTestOneInput picks its reader from
// CCHC_FUZZ_TARGET. A normal build never sees it, so it never needs -sanitize=fuzzer.
if Context.environment["CCHC_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "cchc-fuzz",
            dependencies: ["CCHCCore"],
            path: "Fuzz/Sources",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    package.products.append(.executable(name: "cchc-fuzz", targets: ["cchc-fuzz"]))
}
