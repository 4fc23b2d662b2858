import Foundation

/// `cchc import plan`: turns a plan document (.docx, .txt, .md, .pdf) into
/// `content/plans/<id>.md` with one task per assignment, and a review of what a person should
/// confirm.
///
/// The result is checked as `cchc check` would check it (in a scratch copy of the site's
/// settings, agencies, indices and plans) before anything is written; writes are atomic, and an
/// existing plan is replaced only when asked.
public enum PlanImport {
    /// What the command line passes.
    public struct Options: Sendable {
        public var id: String?
        public var issuer: String?
        public var number: String?
        public var issued: String?
        public var force = false
        public var dryRun = false

        public init(id: String? = nil, issuer: String? = nil, number: String? = nil, issued: String? = nil, force: Bool = false, dryRun: Bool = false) {
            self.id = id
            self.issuer = issuer
            self.number = number
            self.issued = issued
            self.force = force
            self.dryRun = dryRun
        }
    }

    /// How sure the importer is of a task.
    public enum Confidence: Int, Sendable, Comparable, CustomStringConvertible {
        case low, medium, high
        public static func < (a: Confidence, b: Confidence) -> Bool { a.rawValue < b.rawValue }
        public var description: String { ["low", "medium", "high"][rawValue] }
    }

    /// Where a task's lead was read from.
    public enum Source: String, Sendable {
        /// An agency heading above the item, or the agency before a colon.
        case heading
        /// The agency the item starts with.
        case subject
        /// A lead named inside the sentence.
        case sentence
        /// A table row's lead column.
        case table
    }

    /// A task as imported.
    public struct ImportedTask: Sendable {
        public var id: String
        public var title: String
        public var lead: [String]
        public var support: [String]
        public var index: [String]
        public var deadline: DeadlineReader.Deadline?
        public var target: String?
        public var section: String?
        public var place: SourceDocument.Place
        public var source: Source
        public var confidence: Confidence
        public var notes: [String]
    }

    /// An agency the document names that the site does not have.
    public struct NewAgency: Sendable {
        public var id: String
        public var name: String
        public var kind: AgencyKind
        public var place: SourceDocument.Place
        public var foundAs: String
    }

    /// Something a person should look at.
    public struct ReviewItem: Sendable {
        public var place: SourceDocument.Place?
        public var message: String
    }

    /// What an import made.
    public struct Result: Sendable {
        public var file: String
        public var documentKind: String
        public var planID: String
        public var number: String?
        public var title: String?
        public var issuer: String?
        public var issued: Day?
        public var parent: String?
        public var indices: [String]
        public var tasks: [ImportedTask]
        public var newAgencies: [NewAgency]
        /// Problems that stop the plan from being written (blanks in a draft, a missing title …).
        public var errors: [ReviewItem]
        public var review: [ReviewItem]
        public var ocr: OCRDamage
        public var footnotes: [String]
        /// The plan file as it will be written.
        public var planText: String
        /// Where, relative to the site.
        public var planPath: String
        /// The agencies file with the added block, when agencies were added.
        public var agenciesText: String?
        /// Whether files were written.
        public var written = false
    }

    // MARK: - Reading

    /// Reads a document by its extension.
    public static func readDocument(_ url: URL) throws(PlanImportError) -> SourceDocument {
        let ext = url.pathExtension.lowercased()
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw PlanImportError("cannot read the file; check its name and permissions") }
        if size > 64 * 1_048_576 {
            throw PlanImportError("the file is \(size / 1_048_576) MB; plan documents are far smaller, so files over 64 MB are refused")
        }
        switch ext {
        case "docx", "docm":
            guard let data = try? Data(contentsOf: url) else { throw PlanImportError("cannot read the file") }
            do { return try DocxPlanReader.read(data) } catch { throw PlanImportError(error.description) }
        case "txt", "text":
            guard let data = try? Data(contentsOf: url) else { throw PlanImportError("cannot read the file") }
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw PlanImportError("the file is a ZIP (probably a Word document) named .txt; rename it to .docx")
            }
            return try TextPlanReader.read(data, markdown: false, kind: "text")
        case "md", "markdown":
            guard let data = try? Data(contentsOf: url) else { throw PlanImportError("cannot read the file") }
            return try TextPlanReader.read(data, markdown: true, kind: "Markdown")
        case "pdf":
            return try readPDF(url)
        case "doc":
            throw PlanImportError("old Word documents (.doc) are not read; open it in Word or LibreOffice and save it as .docx")
        default:
            throw PlanImportError("cannot import a .\(ext) file; give a Word document (.docx), text (.txt), Markdown (.md) or a PDF (.pdf)")
        }
    }

    /// Text of a PDF through poppler's `pdftotext -layout`.
    static func readPDF(_ url: URL) throws(PlanImportError) -> SourceDocument {
        let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw PlanImportError(
                "reading a PDF needs pdftotext from poppler, which is not installed: on Debian/Ubuntu `sudo apt-get install poppler-utils`, on macOS `brew install poppler`; or copy the PDF's text into a .txt file and import that"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw PlanImportError("cannot run pdftotext: \(error.localizedDescription)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let first = message.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw PlanImportError("pdftotext could not read the PDF (\(TerminalText.visible(first))); it may be damaged or password-protected")
        }
        // Page breaks (form feeds) end lines.
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
        guard text.contains(where: \.isLetter) else {
            throw PlanImportError("the PDF has no text layer (a scanned image); run OCR on it first (e.g. `ocrmypdf -l vie`), or import the Word original")
        }
        return TextPlanReader.read(text, markdown: false, kind: "PDF")
    }

    // MARK: - Importing

    /// Reads `document` against the site and prepares the plan; writes it unless `dryRun`.
    public static func run(_ document: SourceDocument, file: String, site: LoadedSite, options: Options) throws(PlanImportError) -> Result {
        let text = document.paragraphs.map(\.text).joined(separator: " ")
        let ocr = OCRDamage(text)
        let lenient = ocr.isDamaged
        let matcher = AgencyMatcher(agencies: site.site.agencies, province: site.site.settings.province)
        let header = PlanHeader(document, matcher: matcher, lenient: lenient)
        var errors: [ReviewItem] = []
        var review: [ReviewItem] = []
        if ocr.isDamaged { review.append(.init(place: nil, message: ocr.summary)) }
        guard !document.blocks.isEmpty else { throw PlanImportError("the document has no text") }

        // Number, date, title, issuer: flags first, then the header; blanks are reported.
        var number = options.number ?? header.number
        if number == nil {
            let blank =
                header.numberSuffix.map { "the number is blank (“Số: /\($0)”, an unsigned draft)" } ?? "no number (“Số: …/KH-…”) was found in the header"
            errors.append(.init(place: header.numberPlace, message: "\(blank); give it with --number"))
        }
        if let n = number { number = n.trimmingCharacters(in: .whitespaces) }
        var issued: Day?
        if let text = options.issued {
            guard let day = Day(iso: text) else { throw PlanImportError("--issued must be an existing date written YYYY-MM-DD, found `\(text)`") }
            issued = day
        } else {
            issued = header.issued
            if issued == nil {
                let what =
                    header.dateText.map { "the date “\($0)” is incomplete (an unsigned draft)" }
                    ?? "no date (“…, ngày … tháng … năm …”) was found in the header"
                errors.append(.init(place: header.datePlace, message: "\(what); give it with --issued YYYY-MM-DD"))
            }
        }
        let title = header.title
        if title == nil { errors.append(.init(place: nil, message: "no title was found (the line after “KẾ HOẠCH”); is this a plan?")) }
        var issuer: AgencyID?
        if let flag = options.issuer {
            guard site.lookup.agencies[AgencyID(flag)] != nil else {
                var message = "--issuer `\(flag)` is not an agency of the site"
                if let near = Suggestion.nearest(to: flag, in: site.site.agencies.map(\.id.rawValue)) { message += "; did you mean `\(near)`?" }
                throw PlanImportError(message)
            }
            issuer = AgencyID(flag)
        } else {
            issuer =
                header.issuer
                ?? issuerFromNumber(header.numberSuffix ?? number.map { String($0.split(separator: "/").dropFirst().joined()) }, site: site, matcher: matcher)
            if issuer == nil {
                errors.append(.init(place: header.numberPlace, message: "the issuing agency could not be told from the header; give it with --issuer ID"))
            }
        }
        // The plan it carries out.
        var parent: String?
        for cited in header.cited where cited.number != number {
            let key = VietnameseFold.key(cited.number)
            if let plan = site.site.plans.first(where: { VietnameseFold.key($0.number) == key && (cited.issued == nil || $0.issued == cited.issued!) }) {
                parent = plan.id.rawValue
                break
            } else {
                review.append(
                    .init(
                        place: cited.place,
                        message:
                            "the document carries out plan \(cited.number)\(cited.issued.map { " of \($0.vietnamese)" } ?? ""), which the site does not have: `parent:` is left out"
                    ))
            }
        }

        var analysis = PlanAnalysis(site: site, matcher: matcher, lenient: lenient, issued: issued, issuer: issuer)
        analysis.run(document, from: header.bodyStart)
        if analysis.tasks.isEmpty {
            throw PlanImportError(
                "no assignments were found: the document names no agency with a duty (under “Tổ chức thực hiện”, in agency sections or in an appendix table). Is it a plan (Kế hoạch)?"
            )
        }
        review += analysis.review
        if document.kind == "PDF", document.paragraphs.contains(where: { VietnameseFold.key($0.text).hasPrefix("phu luc") }) {
            review.append(
                .init(
                    place: nil,
                    message:
                        "the PDF has an appendix (Phụ lục); tables in a PDF's text cannot be read reliably, so its rows were not imported. Import the Word original to get them, or add them by hand"
                ))
        }

        // The id: `kh-<suffix>-<number>-<year>`, as the example site names plans.
        var planID = options.id
        if planID == nil, let number, let issued {
            let parts = number.split(separator: "/")
            let kind = parts.dropFirst().joined(separator: "-")
            planID = Slug.make("\(kind) \(parts.first ?? "") \(issued.year)")
        }
        if let id = planID, !Slug.isValidID(id) { throw PlanImportError("--id `\(id)` is not an id: use lowercase letters, digits and -") }
        var indices = analysis.indexIDs
        if let title {
            for ref in analysis.indexReferences(in: title) {
                let id = String(ref.split(separator: "/").first!)
                if !indices.contains(id) { indices.append(id) }
            }
        }
        let order = site.site.indices.map(\.id.rawValue)
        indices.sort { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) }

        let planPath = "content/plans/\(planID ?? "(id)").md"
        var result = Result(
            file: file, documentKind: document.kind, planID: planID ?? "", number: number, title: title, issuer: issuer?.rawValue,
            issued: issued, parent: parent, indices: indices, tasks: analysis.tasks, newAgencies: analysis.newAgencies,
            errors: errors, review: review, ocr: ocr, footnotes: document.footnotes, planText: "", planPath: planPath)
        result.planText = PlanFileWriter.planFile(result, body: PlanFileWriter.markdownBody(document, from: header.bodyStart, footnotes: document.footnotes))
        if !result.newAgencies.isEmpty {
            let url = site.root.appendingPathComponent("content/agencies.yml")
            let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            result.agenciesText = PlanFileWriter.agenciesFile(existing, adding: result.newAgencies, file: file)
        }
        guard result.errors.isEmpty, planID != nil else { return result }
        try verify(result, site: site)
        if !options.dryRun {
            try write(result, site: site, force: options.force)
            result.written = true
        }
        return result
    }

    /// The issuer from a number's suffix: `KH-UBND` → the province, `KH-SNV` → the agency called SNV.
    static func issuerFromNumber(_ suffix: String?, site: LoadedSite, matcher: AgencyMatcher) -> AgencyID? {
        guard let suffix else { return nil }
        let parts = suffix.split(separator: "-").map(String.init)
        guard let last = parts.last else { return nil }
        if VietnameseFold.key(last) == "ubnd" {
            return site.site.agencies.first { $0.kind == .province }?.id
        }
        for mention in matcher.mentions(in: last) { if case .agency(let id) = mention.target { return id } }
        return site.site.agencies.first { agency in
            ([agency.short ?? ""] + agency.aliases).contains { VietnameseFold.key($0).replacingOccurrences(of: " ", with: "") == VietnameseFold.key(last) }
        }?.id
    }

    /// Loads a scratch copy of the site with the new plan and agencies, as `cchc check` would.
    static func verify(_ result: Result, site: LoadedSite) throws(PlanImportError) {
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("cchc-import-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }
        do {
            try manager.createDirectory(at: scratch.appendingPathComponent("content/plans"), withIntermediateDirectories: true)
            try manager.copyItem(at: site.root.appendingPathComponent("site.yml"), to: scratch.appendingPathComponent("site.yml"))
            let indices = site.root.appendingPathComponent("content/indices")
            if manager.fileExists(atPath: indices.path) { try manager.copyItem(at: indices, to: scratch.appendingPathComponent("content/indices")) }
            let agencies: Data
            if let text = result.agenciesText {
                agencies = Data(text.utf8)
            } else {
                agencies = try Data(contentsOf: site.root.appendingPathComponent("content/agencies.yml"))
            }
            try agencies.write(to: scratch.appendingPathComponent("content/agencies.yml"))
            let plans = site.root.appendingPathComponent("content/plans")
            for name in (try? manager.contentsOfDirectory(atPath: plans.path)) ?? [] where name != "\(result.planID).md" {
                try manager.copyItem(at: plans.appendingPathComponent(name), to: scratch.appendingPathComponent("content/plans/\(name)"))
            }
            try Data(result.planText.utf8).write(to: scratch.appendingPathComponent(result.planPath))
        } catch {
            throw PlanImportError("cannot prepare the check of the imported plan: \(error.localizedDescription)")
        }
        let load = SiteLoader.load(root: scratch, asOf: site.asOf)
        let problems = load.errors
        if !problems.isEmpty {
            let lines = problems.prefix(10).map(\.description).joined(separator: "\n  ")
            throw PlanImportError(
                "the imported plan does not pass `cchc check`; nothing was written. This is a fault of the importer, please report it with the document:\n  \(lines)"
            )
        }
    }

    /// Writes the plan (and the agencies), each through a temporary file renamed into place.
    static func write(_ result: Result, site: LoadedSite, force: Bool) throws(PlanImportError) {
        let manager = FileManager.default
        let planURL = site.root.appendingPathComponent(result.planPath)
        if manager.fileExists(atPath: planURL.path) && !force {
            throw PlanImportError("\(result.planPath) already exists; nothing was written. Give --force to replace it, or --id to import under another id")
        }
        do {
            try manager.createDirectory(at: planURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try atomicWrite(result.planText, to: planURL)
            if let agencies = result.agenciesText {
                try atomicWrite(agencies, to: site.root.appendingPathComponent("content/agencies.yml"))
            }
        } catch {
            throw PlanImportError("cannot write \(result.planPath): \(error.localizedDescription)")
        }
    }

    static func atomicWrite(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).cchc-\(UUID().uuidString)")
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(code))
        }
    }
}
