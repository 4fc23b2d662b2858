extension PageBuilder {
    /// The size an embed is offered at: it fits from 300 px wide up, and a plan with a long title
    /// still fits 440 px high at 300 px wide (measured in Chromium).
    static let embedSize = (width: 360, height: 440)

    /// The snippet a full page offers: the `<iframe>` code for its embed at `path`, with its absolute address.
    func embedSnippet(_ path: String, title: String, from page: String) -> EmbedSnippet {
        let url = SitePaths.absolute(path, base: base)
        let code =
            "<iframe src=\"\(FastHTML.escape(url))\" title=\"\(FastHTML.escape(title))\" width=\"\(PageBuilder.embedSize.width)\" "
            + "height=\"\(PageBuilder.embedSize.height)\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>"
        return EmbedSnippet(iframe: code, href: SitePaths.link(from: page, to: path))
    }

    private func embed(_ path: String, full: String, title: String, model: EmbedPage) -> Page {
        var page = Page(path: path, template: "embed", title: title, breadcrumbs: [], model: model, inSitemap: false)
        page.layout = "embed-layout"
        page.fullPath = full
        return page
    }

    /// `/nhung/`: the overall completion.
    func embedOverviewPage() -> Page {
        let page = SitePaths.embedOverview
        var overall = Completion()
        for completion in derivation.plans.values { overall.add(completion) }
        let model = EmbedPage(
            kicker: site.settings.title, heading: words.completion, ring: ring(overall, id: "nhung-hoan-thanh", title: words.completion),
            completion: completion(overall), facts: [], hasFacts: false,
            fullHref: SitePaths.link(from: page, to: SitePaths.dashboard))
        return embed(page, full: SitePaths.dashboard, title: "\(words.completion) – \(site.settings.title)", model: model)
    }

    /// `/nhung/ke-hoach/<plan>/`: a plan's completion.
    func embedPlanPage(_ plan: Plan) -> Page {
        let page = SitePaths.embedPlan(plan.id)
        let model = EmbedPage(
            kicker: "\(words.plans) \(plan.number)", heading: plan.title,
            ring: ring(derivation.plans[plan.id], id: "nhung-hoan-thanh", title: words.completion),
            completion: completion(derivation.plans[plan.id]), facts: [], hasFacts: false,
            fullHref: SitePaths.link(from: page, to: SitePaths.plan(plan.id)))
        return embed(page, full: SitePaths.plan(plan.id), title: plan.number, model: model)
    }

    /// `/nhung/co-quan/<agency>/`: an agency's completion as a lead.
    func embedAgencyPage(_ member: Agency) -> Page {
        let page = SitePaths.embedAgency(member.id)
        let model = EmbedPage(
            kicker: words.kind(member.kind), heading: member.name,
            ring: ring(derivation.agencies[member.id], id: "nhung-hoan-thanh", title: words.completion),
            completion: completion(derivation.agencies[member.id]), facts: [], hasFacts: false,
            fullHref: SitePaths.link(from: page, to: SitePaths.agency(member.id)))
        return embed(page, full: SitePaths.agency(member.id), title: member.name, model: model)
    }

    /// `/nhung/chi-so/<index>/`: an index's latest result, rank, target and on-track level.
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
            fullHref: SitePaths.link(from: page, to: SitePaths.index(index.id)))
        return embed(page, full: SitePaths.index(index.id), title: index.short, model: model)
    }
}
