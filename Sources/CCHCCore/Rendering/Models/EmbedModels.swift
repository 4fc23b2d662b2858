// The models of the embeds: small pages under `/nhung/` for an `<iframe>` on another site, and
// the snippet a full page offers to copy.

/// An embed, `/nhung/…` (template `embed`): one figure and a link to the full page.
struct EmbedPage: TemplateModel {
    /// What it is about, above the heading: the site's title, "Kế hoạch", "Cơ quan", "Chỉ số".
    var kicker: String
    /// The heading: the plan's number, the agency's or the index's name.
    var heading: String
    /// The completion as a ring (HTML), when the embed is about tasks; also written as an SVG
    /// file beside the embed (`hoan-thanh.svg`) for `<img>`.
    var ring: HTMLBytes?
    /// The completion figures, when the embed is about tasks.
    var completion: CompletionFigures?
    /// Facts as label and value (an index's latest result, rank and target).
    var facts: [EmbedFact]
    /// Whether there are facts.
    var hasFacts: Bool
    /// An index's on-track level for its next score (else rank) target.
    var targetLevel: LevelLabel?
    /// The link to the full page (open it with `target="_parent"`).
    var fullHref: String
    /// An index's score trend (HTML), when it has scores; also written as an SVG file beside the
    /// embed (`diem.svg`). The default theme shows it from 480 px wide, where it is readable.
    var trend: HTMLBytes? = nil
}

/// A fact on an embed.
struct EmbedFact: TemplateModel {
    /// Its label.
    var label: String
    /// Its value.
    var value: String
}

/// The code that puts a page's embed on another site, shown in a `<details>` on the full page.
struct EmbedSnippet: TemplateModel {
    /// The `<iframe>` code, as text (escape it: `{{iframe}}`).
    var iframe: String
    /// The link to the embed itself, to see it.
    var href: String
    /// The `<img>` code of the embed's chart as an SVG file, linked to the full page, as text;
    /// none when the embed has no chart.
    var image: String?
    /// The link to the SVG file, to see it.
    var imageHref: String?
}

/// The page around an embed's content (template `embed-layout`): no menu, no stylesheet file.
struct EmbedLayoutValues: TemplateModel {
    /// `vi` or `en`.
    var lang: String
    /// The embed's title.
    var title: String
    /// `title` in site.yml.
    var siteTitle: String
    /// The absolute address of the full page the embed is a part of.
    var canonical: String
    /// The embed's content, drawn by its template (use with triple braces).
    var body: HTMLBytes
    /// "cchc VERSION".
    var generator: String
}
