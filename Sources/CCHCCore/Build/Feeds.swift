/// The Atom feed of updates and the sitemap, with absolute URLs under `base_url`.
enum Feeds {
    /// The newest updates as an Atom feed; timestamps come from report dates, never the clock.
    static func atom(_ builder: PageBuilder, base: String, limit: Int = 100) -> String {
        let site = builder.site
        let updates = Array(builder.updatesNewestFirst.prefix(limit))
        let updated = updates.first.map { site.reports[$0.report].reported.value } ?? builder.derivation.asOf
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(builder.words.language.rawValue)">
              <title>\(XML.escape(site.settings.title))</title>
              <id>\(XML.escape(base))</id>
              <link rel="alternate" type="text/html" href="\(XML.escape(base))"/>
              <link rel="self" type="application/atom+xml" href="\(XML.escape(base + SitePaths.feed))"/>
              <updated>\(updated.iso)T00:00:00Z</updated>
              <author><name>\(XML.escape(site.settings.province))</name></author>

            """
        for reference in updates {
            let report = site.reports[reference.report]
            let update = report.updates[reference.update]
            let task = builder.lookup.tasks[update.task.value]
            let agency = builder.agencyName(report.agency.value)
            let url = SitePaths.absolute(SitePaths.task(update.task.value), base: base)
            let title = "\(agency): \(task?.title ?? update.task.value.description) – \(builder.words.status(update.status))"
            var summary = builder.words.status(update.status)
            if let percent = update.percent { summary += " (\(builder.format.score(percent))%)" }
            if let note = update.note { summary += ". " + note }
            xml += """
                  <entry>
                    <title>\(XML.escape(title))</title>
                    <id>\(XML.escape(url))#cap-nhat-\(reference.report)-\(reference.update)</id>
                    <link rel="alternate" type="text/html" href="\(XML.escape(url))"/>
                    <updated>\(report.reported.value.iso)T00:00:00Z</updated>
                    <author><name>\(XML.escape(agency))</name></author>
                    <summary>\(XML.escape(summary))</summary>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return xml
    }

    /// Every page of the sitemap, in output order.
    static func sitemap(_ pages: [String], base: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            xml += "  <url><loc>\(XML.escape(SitePaths.absolute(page, base: base)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
