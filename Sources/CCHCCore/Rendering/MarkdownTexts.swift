import Foundation

/// The HTML of plan texts and progress notes: rendered when a page first needs one and kept, or
/// all at once on all cores (``renderAll()``) before a full build renders its pages.
///
/// Rendering is a pure function of the source text, so a text rendered late is byte for byte the
/// one a full build writes; two threads that render the same text at once both get that text.
///
/// `@unchecked Sendable` is safe because `plans` and `notes` are only read and written while
/// `lock` is held; everything else is immutable.
final class MarkdownTexts: @unchecked Sendable {
    private let site: Site
    private let ignoredReports: Set<Int>
    private let unsafeHTML: Bool
    private let lock = NSLock()
    private var plans: [PlanID: RenderedMarkdown] = [:]
    /// Each update's note, at `firstUpdate[report] + update`: nil until rendered, then the HTML
    /// or, for an update without a note, nil inside. An array rather than a dictionary: the pages
    /// of a national site look notes up a hundred thousand times.
    private var notes: [String??]
    /// Where each report's updates start in `notes`.
    private let firstUpdate: [Int]

    /// The texts of `loaded`; nothing is rendered yet.
    init(_ loaded: LoadedSite) {
        site = loaded.site
        ignoredReports = loaded.derivation.ignoredReports
        unsafeHTML = loaded.site.settings.unsafeHTML
        var first: [Int] = []
        first.reserveCapacity(site.reports.count)
        var total = 0
        for report in site.reports {
            first.append(total)
            total += report.updates.count
        }
        firstUpdate = first
        notes = Array(repeating: nil, count: total)
    }

    /// A plan's text, its headings moved down two levels under the page's own.
    func plan(_ plan: Plan) -> RenderedMarkdown {
        lock.lock()
        let known = plans[plan.id]
        lock.unlock()
        if let known { return known }
        let rendered = Markdown.render(plan.body, unsafeHTML: unsafeHTML, headingOffset: 2)
        lock.lock()
        plans[plan.id] = rendered
        lock.unlock()
        return rendered
    }

    /// The note of a counted update as inline HTML; nil when it has none or its report is ignored.
    func note(_ reference: UpdateReference) -> String? {
        guard !ignoredReports.contains(reference.report) else { return nil }
        let slot = firstUpdate[reference.report] + reference.update
        lock.lock()
        let known = notes[slot]
        lock.unlock()
        if let known { return known }
        let rendered = site.reports[reference.report].updates[reference.update].note.map { Markdown.renderInline($0, unsafeHTML: unsafeHTML) }
        lock.lock()
        notes[slot] = .some(rendered)
        lock.unlock()
        return rendered
    }

    /// Renders every plan text and every note of a counted update, on all cores.
    func renderAll() {
        let site = self.site, unsafe = unsafeHTML
        let planTexts = ConcurrentMap.run(site.plans.count) { Markdown.render(site.plans[$0].body, unsafeHTML: unsafe, headingOffset: 2) }
        var noteJobs: [(slot: Int, note: String)] = []
        for (r, report) in site.reports.enumerated() where !ignoredReports.contains(r) {
            for (u, update) in report.updates.enumerated() {
                if let note = update.note { noteJobs.append((firstUpdate[r] + u, note)) }
            }
        }
        let jobs = noteJobs
        let noteHTML = ConcurrentMap.run(jobs.count) { Markdown.renderInline(jobs[$0].note, unsafeHTML: unsafe) }
        var all = Array(repeating: String??.some(nil), count: notes.count)
        for (job, html) in zip(jobs, noteHTML) { all[job.slot] = .some(html) }
        lock.lock()
        plans = Dictionary(zip(site.plans.map(\.id), planTexts)) { first, _ in first }
        notes = all
        lock.unlock()
    }
}
