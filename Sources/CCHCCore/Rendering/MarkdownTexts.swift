import Foundation

/// The HTML of plan texts and progress notes: rendered when a page first needs one and kept, or
/// all at once on all cores (``renderAll()``) before a full build renders its pages.
///
/// Rendering is a pure function of the source text, so a text rendered late is byte for byte the
/// one a full build writes; two threads that render the same text at once both get that text.
///
/// `@unchecked Sendable` is safe because the two dictionaries are only read and written while
/// `lock` is held; everything else is immutable.
final class MarkdownTexts: @unchecked Sendable {
    private let site: Site
    private let ignoredReports: Set<Int>
    private let unsafeHTML: Bool
    private let lock = NSLock()
    private var plans: [PlanID: RenderedMarkdown] = [:]
    private var notes: [UpdateReference: String] = [:]

    /// The texts of `loaded`; nothing is rendered yet.
    init(_ loaded: LoadedSite) {
        site = loaded.site
        ignoredReports = loaded.derivation.ignoredReports
        unsafeHTML = loaded.site.settings.unsafeHTML
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
        guard !ignoredReports.contains(reference.report), let text = site.reports[reference.report].updates[reference.update].note else { return nil }
        lock.lock()
        let known = notes[reference]
        lock.unlock()
        if let known { return known }
        let rendered = Markdown.renderInline(text, unsafeHTML: unsafeHTML)
        lock.lock()
        notes[reference] = rendered
        lock.unlock()
        return rendered
    }

    /// Renders every plan text and every note of a counted update, on all cores.
    func renderAll() {
        let site = self.site, unsafe = unsafeHTML
        let planTexts = ConcurrentMap.run(site.plans.count) { Markdown.render(site.plans[$0].body, unsafeHTML: unsafe, headingOffset: 2) }
        var noteJobs: [(UpdateReference, String)] = []
        for (r, report) in site.reports.enumerated() where !ignoredReports.contains(r) {
            for (u, update) in report.updates.enumerated() {
                if let note = update.note { noteJobs.append((UpdateReference(report: r, update: u), note)) }
            }
        }
        let jobs = noteJobs
        let noteHTML = ConcurrentMap.run(jobs.count) { Markdown.renderInline(jobs[$0].1, unsafeHTML: unsafe) }
        lock.lock()
        plans = Dictionary(zip(site.plans.map(\.id), planTexts)) { first, _ in first }
        notes = Dictionary(uniqueKeysWithValues: zip(jobs.map(\.0), noteHTML))
        lock.unlock()
    }
}
