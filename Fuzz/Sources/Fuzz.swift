import Foundation

// libFuzzer's driver run on every reader of outside data. Built only by scripts/fuzz, with
// `CCHC_FUZZ=1` (which adds this target to Package.swift) and `-sanitize=fuzzer,address`;
// `CCHC_FUZZ_TARGET` picks the reader. Each target must never crash, hang or leak on any input:
// errors are values, and some targets also check a property (parallel Markdown equals serial).
@testable import CCHCCore

/// The readers that can be fuzzed, by name.
enum FuzzTarget: String, CaseIterable {
    case yaml, site, markdown, template, docx, plantext, xlsx, csv, zip, legacy, deadline
}

nonisolated(unsafe) var target = FuzzTarget.yaml
nonisolated(unsafe) var fixtureSite: LoadedSite?
nonisolated(unsafe) var scratch: URL?

/// libFuzzer's driver, which `main` hands over to (SwiftPM names an executable's entry point
/// `<module>_main`, so the program starts here rather than in libFuzzer's own `main`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("cchc_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    _ = initialize()
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        fuzz(data ?? UnsafePointer(bitPattern: 1)!, size)
    }
}

/// Picks the target and loads what it needs, once.
func initialize() -> CInt {
    let name = ProcessInfo.processInfo.environment["CCHC_FUZZ_TARGET"] ?? "yaml"
    guard let chosen = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(
            Data("cchc-fuzz: unknown CCHC_FUZZ_TARGET \(name); one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    target = chosen
    // The example site (the repository root, or CCHC_FUZZ_SITE) for the readers that need one.
    let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CCHC_FUZZ_SITE"] ?? ".", isDirectory: true)
    if [.docx, .plantext, .xlsx, .csv, .site].contains(chosen) {
        fixtureSite = SiteLoader.load(root: root).site
        if fixtureSite == nil {
            FileHandle.standardError.write(Data("cchc-fuzz: the site at \(root.path) does not load\n".utf8))
            exit(2)
        }
    }
    if chosen == .site {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-fuzz-site-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("content/plans"), withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("content/progress"), withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("content/indices"), withIntermediateDirectories: true)
        scratch = folder
    }
    return 0
}

/// One input.
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case .yaml: yaml(bytes)
    case .site: site(bytes)
    case .markdown: markdown(bytes)
    case .template: template(bytes)
    case .docx: docx(bytes)
    case .plantext: planText(bytes)
    case .xlsx: xlsx(bytes)
    case .csv: csv(bytes)
    case .zip: zip(bytes)
    case .legacy: legacy(bytes)
    case .deadline: deadline(bytes)
    }
    return 0
}

/// Every content file kind read from the same text: settings, agencies, an index, a plan with its
/// front matter, a progress report.
func yaml(_ bytes: [UInt8]) {
    guard case .success(let decoded) = SourceText.decode(bytes) else { return }
    var log = DiagnosticLog()
    _ = SettingsLoader.load(text: decoded.text, path: "site.yml", log: &log)
    _ = AgenciesLoader.load(text: decoded.text, path: "content/agencies.yml", log: &log)
    _ = IndexLoader.load(text: decoded.text, path: "content/indices/x.yml", log: &log)
    _ = PlanLoader.load(text: decoded.text, path: "content/plans/x.md", log: &log)
    _ = ProgressLoader.load(text: decoded.text, path: "content/progress/x.yml", files: [], log: &log)
    for diagnostic in log.all { precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1) }
}

/// The input as one file of the example site (chosen by its first byte), then the whole site
/// loaded, validated and derived as `cchc check` does.
func site(_ bytes: [UInt8]) {
    guard let base = fixtureSite, let folder = scratch, let first = bytes.first else { return }
    let manager = FileManager.default
    for name in ["site.yml", "content/agencies.yml"] {
        try? manager.removeItem(at: folder.appendingPathComponent(name))
        try? manager.copyItem(at: base.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    for sub in ["content/plans", "content/progress", "content/indices"] {
        let url = folder.appendingPathComponent(sub)
        for name in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] { try? manager.removeItem(at: url.appendingPathComponent(name)) }
    }
    for plan in base.site.plans { try? manager.copyItem(at: base.root.appendingPathComponent(plan.path), to: folder.appendingPathComponent(plan.path)) }
    for index in base.site.indices {
        try? manager.copyItem(at: base.root.appendingPathComponent(index.location.path), to: folder.appendingPathComponent(index.location.path))
    }
    let paths = ["site.yml", "content/agencies.yml", "content/indices/par-index.yml", "content/plans/kh-ubnd-386-2024.md", "content/progress/so-noi-vu.yml"]
    let path = paths[Int(first) % paths.count]
    try? Data(bytes.dropFirst()).write(to: folder.appendingPathComponent(path))
    let result = SiteLoader.load(root: folder)
    if let loaded = result.site { precondition(loaded.derivation.tasks.count >= 0) }
}

/// Markdown as plan text and as an inline note; and the same text parsed on four threads at once
/// must give what it gives on one (cmark-gfm's tables are process-wide; the lock keeps it so).
func markdown(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let serial = Markdown.render(text)
    _ = Markdown.renderInline(text)
    _ = Markdown.render(text, unsafeHTML: true)
    if bytes.count < 4096 {
        let results = ConcurrentMap.run(4) { _ in Markdown.render(text).html }
        for html in results { precondition(html == serial.html, "parallel Markdown differs from serial") }
    }
}

/// A site's own template, parsed.
func template(_ bytes: [UInt8]) {
    _ = try? Template(parsing: String(decoding: bytes, as: UTF8.self))
}

/// A Word plan read, and imported against the example site without writing anything.
func docx(_ bytes: [UInt8]) {
    guard let document = try? DocxPlanReader.read(Data(bytes)) else { return }
    importPlan(document)
}

/// Plan text (OCR output, Markdown) read and imported.
func planText(_ bytes: [UInt8]) {
    guard let document = try? TextPlanReader.read(Data(bytes), markdown: bytes.first.map { $0 & 1 == 1 } ?? false, kind: "text") else { return }
    importPlan(document)
}

func importPlan(_ document: SourceDocument) {
    guard let site = fixtureSite else { return }
    let text = document.paragraphs.map(\.text).joined(separator: " ")
    let lenient = OCRDamage(text).isDamaged
    let matcher = AgencyMatcher(agencies: site.site.agencies, province: site.site.settings.province)
    let header = PlanHeader(document, matcher: matcher, lenient: lenient)
    var analysis = PlanAnalysis(
        site: site, matcher: matcher, lenient: lenient, issued: header.issued ?? Day(year: 2024, month: 1, day: 1), issuer: header.issuer)
    analysis.run(document, from: header.bodyStart)
    var result = PlanImport.Result(
        file: "fuzz", documentKind: document.kind, planID: "kh-fuzz", number: header.number, title: header.title, issuer: header.issuer?.rawValue,
        issued: header.issued, parent: nil, indices: analysis.indexIDs, tasks: analysis.tasks, newAgencies: analysis.newAgencies,
        errors: [], review: analysis.review, ocr: OCRDamage(text), footnotes: document.footnotes, planText: "", planPath: "content/plans/kh-fuzz.md")
    result.planText = PlanFileWriter.planFile(result, body: PlanFileWriter.markdownBody(document, from: header.bodyStart, footnotes: document.footnotes))
    _ = PlanFileWriter.reviewText(result)
    // Every task id the importer makes is an id the content format accepts.
    for task in result.tasks { precondition(Slug.isValidID(task.id), "bad task id \(task.id)") }
}

/// A filled report form read against the example site.
func xlsx(_ bytes: [UInt8]) {
    guard let site = fixtureSite, let package = try? OfficePackage(data: Data(bytes)), let sheets = try? XLSXReader.sheets(package) else { return }
    guard let visible = sheets.first(where: { !$0.hidden }) else { return }
    var reader = FormReader(loaded: site, file: "fuzz.xlsx", grid: visible.grid, hidden: sheets.first { $0.hidden }?.grid, expectsHidden: true)
    if let content = reader.read() { _ = ReportImport.compose(content, form: "fuzz.xlsx", loaded: site) }
}

/// A report form saved as CSV, read against the example site.
func csv(_ bytes: [UInt8]) {
    guard let site = fixtureSite, let grid = try? CSVReader.grid(bytes) else { return }
    var reader = FormReader(loaded: site, file: "fuzz.csv", grid: grid, hidden: nil, expectsHidden: false)
    if let content = reader.read() { _ = ReportImport.compose(content, form: "fuzz.csv", loaded: site) }
}

/// Any ZIP: opened under the limits, every part inflated and parsed as XML.
func zip(_ bytes: [UInt8]) {
    var limits = OfficePackage.Limits()
    limits.totalBytes = 32 * 1_048_576
    guard let package = try? OfficePackage(data: Data(bytes), limits: limits) else { return }
    for name in package.partNames { _ = try? package.xml(name) }
}

/// The legacy-encoding detector and the text decoder every file goes through.
func legacy(_ bytes: [UInt8]) {
    _ = LegacyEncoding.guess(bytes)
    _ = SourceText.decode(bytes)
    for encoding in LegacyEncoding.allCases { _ = encoding.decodeForGuessing(bytes) }
}

/// Deadlines, outline markers, names and OCR damage on any text.
func deadline(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
    _ = DeadlineReader.read(text, issued: Day(year: 2024, month: 6, day: 8))
    _ = DeadlineReader.read(text, issued: nil, bare: true)
    _ = Outline.marker(in: text)
    _ = OCRDamage(text).isDamaged
    _ = PlanAnalysis.agencyLikeName(text, needsTrigger: true)
}
