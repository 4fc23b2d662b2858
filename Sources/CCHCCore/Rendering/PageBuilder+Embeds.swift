import CCHCCharts

extension PageBuilder {
    /// The size an embed is offered at: it fits from 300 px wide up, and a plan with a long title
    /// still fits 440 px high at 300 px wide (measured in Chromium).
    static let embedSize = (width: 360, height: 440)

    /// The snippet a full page offers: the `<iframe>` code for its embed at `path`, with its absolute address.
    func embedSnippet(_ path: String, title: String, image: EmbedImage?, from page: String) -> EmbedSnippet {
        let url = SitePaths.absolute(path, base: base)
        let code =
            "<iframe src=\"\(FastHTML.escape(url))\" title=\"\(FastHTML.escape(title))\" width=\"\(PageBuilder.embedSize.width)\" "
            + "height=\"\(PageBuilder.embedSize.height)\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>"
        var snippet = EmbedSnippet(iframe: code, href: SitePaths.link(from: page, to: path))
        if let image {
            // The image is linked to the full page, and its text is the chart's title and the figures it draws.
            let file = image.path
            let alt = embedImageText(image)
            snippet.image =
                "<a href=\"\(FastHTML.escape(SitePaths.absolute(page, base: base)))\"><img src=\"\(FastHTML.escape(SitePaths.absolute(file, base: base)))\" "
                + "alt=\"\(FastHTML.escape(alt))\" width=\"\(PageBuilder.embedImageWidth)\" style=\"max-width:100%;height:auto\"></a>"
            snippet.imageHref = SitePaths.link(from: page, to: file)
        }
        return snippet
    }

    /// The width an embed's image is offered at (its height follows from the SVG's own shape).
    static let embedImageWidth = 300

    /// The text of an embed's image for a reader who does not see it: what it shows and its figures.
    func embedImageText(_ image: EmbedImage) -> String {
        func ring(_ name: String, _ c: Completion?) -> String {
            let c = c ?? Completion()
            return "\(words.completion) – \(name): \(format.percent(c.share)) (\(format.integer(c.done))/\(format.integer(c.total)))"
        }
        switch image {
        case .overview: return ring(site.settings.title, overallCompletion)
        case .plan(let id): return ring("\(words.plans) \(lookup.plans[id]?.number ?? id.rawValue)", derivation.plans[id])
        case .agency(let id): return ring(agencyName(id), derivation.agencies[id])
        case .index(let id):
            guard let index = lookup.indices[id] else { return id.rawValue }
            let scores = index.results.compactMap { r in r.score.map { "\(r.year): \(format.score($0))" } }
            return "\(words.scoreChartTitle(index.short)): " + scores.joined(separator: "; ")
        }
    }

    private func embed(_ path: String, full: String, title: String, model: EmbedPage) -> Page {
        var page = Page(path: path, template: "embed", title: title, breadcrumbs: [], model: model, inSitemap: false)
        page.layout = "embed-layout"
        page.fullPath = full
        return page
    }

    /// The completion of every plan's pairs.
    var overallCompletion: Completion { PeriodChange.total(derivation) }

    /// The chart an embed shows, and writes as an SVG file of its own (``EmbedImage``): a
    /// completion ring, or an index's score trend.
    func embedChart(_ image: EmbedImage) -> ChartOutput {
        switch image {
        case .overview:
            return ringChart(overallCompletion, id: "nhung-hoan-thanh", title: words.completion)
        case .plan(let id):
            return ringChart(derivation.plans[id], id: "nhung-hoan-thanh", title: words.completion)
        case .agency(let id):
            return ringChart(derivation.agencies[id], id: "nhung-hoan-thanh", title: words.completion)
        case .index(let id):
            guard let index = lookup.indices[id] else { preconditionFailure("no index \(id)") }
            return scoreTrendChart(index, id: "nhung-diem")
        }
    }

    /// `/nhung/`: the overall completion.
    func embedOverviewPage() -> Page {
        let page = SitePaths.embedOverview
        let model = EmbedPage(
            kicker: site.settings.title, heading: words.completion, ring: HTMLBytes(bytes: embedChart(.overview).htmlBytes),
            completion: completion(overallCompletion), facts: [], hasFacts: false,
            fullHref: SitePaths.link(from: page, to: SitePaths.dashboard))
        return embed(page, full: SitePaths.dashboard, title: "\(words.completion) – \(site.settings.title)", model: model)
    }

    /// `/nhung/ke-hoach/<plan>/`: a plan's completion.
    func embedPlanPage(_ plan: Plan) -> Page {
        let page = SitePaths.embedPlan(plan.id)
        let model = EmbedPage(
            kicker: "\(words.plans) \(plan.number)", heading: plan.title, ring: HTMLBytes(bytes: embedChart(.plan(plan.id)).htmlBytes),
            completion: completion(derivation.plans[plan.id]), facts: [], hasFacts: false,
            fullHref: SitePaths.link(from: page, to: SitePaths.plan(plan.id)))
        return embed(page, full: SitePaths.plan(plan.id), title: plan.number, model: model)
    }

    /// `/nhung/co-quan/<agency>/`: an agency's completion as a lead.
    func embedAgencyPage(_ member: Agency) -> Page {
        let page = SitePaths.embedAgency(member.id)
        let model = EmbedPage(
            kicker: words.kind(member.kind), heading: member.name, ring: HTMLBytes(bytes: embedChart(.agency(member.id)).htmlBytes),
            completion: completion(derivation.agencies[member.id]), facts: [], hasFacts: false,
            fullHref: SitePaths.link(from: page, to: SitePaths.agency(member.id)))
        return embed(page, full: SitePaths.agency(member.id), title: member.name, model: model)
    }

    /// `/nhung/chi-so/<index>/`: an index's latest result, rank, target and on-track level, and its score trend.
    func embedIndexPage(_ index: IndexDefinition) -> Page {
        let page = SitePaths.embedIndex(index.id)
        let row = summary(index, from: page)
        var facts: [EmbedFact] = []
        if let result = row.result {
            if let score = result.score { facts.append(EmbedFact(label: "\(words.lastResult) (\(result.year))", value: "\(score)/\(row.max)")) }
            if let rank = result.rank { facts.append(EmbedFact(label: words.rank, value: rank)) }
        }
        if let target = row.target {
            let value = [target.score, target.rank.map { "\(words.rank) \($0)" }].compactMap { $0 }.joined(separator: " · ")
            facts.append(EmbedFact(label: "\(words.target) \(target.year)", value: value))
        }
        let model = EmbedPage(
            kicker: words.indices, heading: "\(index.short): \(index.name)", ring: nil, completion: nil, facts: facts,
            hasFacts: !facts.isEmpty, targetLevel: row.target.flatMap { $0.scoreLevel ?? $0.rankLevel },
            fullHref: SitePaths.link(from: page, to: SitePaths.index(index.id)),
            trend: index.hasScores ? HTMLBytes(bytes: embedChart(.index(index.id)).htmlBytes) : nil)
        return embed(page, full: SitePaths.index(index.id), title: index.short, model: model)
    }
}
