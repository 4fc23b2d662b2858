import Foundation

/// The HTML of plan texts and progress notes: rendered when a page first needs one and kept, or
/// all at once on all cores when made with `renderNow`, as a full build does before it renders its pages.
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
    /// Every text, when they were all rendered up front: then read as they are, without the lock,
    /// which the pages of a national site would otherwise take a hundred thousand times.
    private let rendered: Rendered?

    /// Every plan text, and every update's note (nil for none, or for an ignored report) at
    /// `firstUpdate[report] + update`.
    private struct Rendered: Sendable {
        let plans: [PlanID: RenderedMarkdown]
        let notes: [String?]
    }

    /// The texts of `loaded`: with `renderNow`, all of them rendered now, on all cores; otherwise
    /// each when first asked for.
    init(_ loaded: LoadedSite, renderNow: Bool) {
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
        guard renderNow else {
            notes = Array(repeating: nil, count: total)
            rendered = nil
            return
        }
        notes = []
        rendered = Self.renderAll(site, ignoredReports: ignoredReports, unsafeHTML: unsafeHTML, firstUpdate: first, updates: total)
    }

    /// A plan's text, its headings moved down two levels under the page's own.
    func plan(_ plan: Plan) -> RenderedMarkdown {
        if let known = rendered?.plans[plan.id] { return known }
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
        let slot = firstUpdate[reference.report] + reference.update
        if rendered != nil { return rendered?.notes[slot] ?? nil }
        guard !ignoredReports.contains(reference.report) else { return nil }
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
    private static func renderAll(
        _ site: Site, ignoredReports: Set<Int>, unsafeHTML unsafe: Bool, firstUpdate: [Int],
        updates: Int
    ) -> Rendered {
        let planTexts = ConcurrentMap.run(site.plans.count) { Markdown.render(site.plans[$0].body, unsafeHTML: unsafe, headingOffset: 2) }
        var noteJobs: [(slot: Int, note: String)] = []
        for (r, report) in site.reports.enumerated() where !ignoredReports.contains(r) {
            for (u, update) in report.updates.enumerated() {
                if let note = update.note { noteJobs.append((firstUpdate[r] + u, note)) }
            }
        }
        let jobs = noteJobs
        let noteHTML = ConcurrentMap.run(jobs.count) { Markdown.renderInline(jobs[$0].note, unsafeHTML: unsafe) }
        var notes = [String?](repeating: nil, count: updates)
        for (job, html) in zip(jobs, noteHTML) { notes[job.slot] = html }
        return Rendered(plans: Dictionary(zip(site.plans.map(\.id), planTexts)) { first, _ in first }, notes: notes)
    }
}
