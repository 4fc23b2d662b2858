import CCHCCore

/// The preview's additions to HTML responses: the reload script, and the diagnostics overlay after a
/// failed rebuild. They are added at serve time only; `cchc build` never writes them.
enum Injection {
    /// The path of the Server-Sent Events stream the script listens to.
    static let eventsPath = "/__cchc/events"

    /// Reloads on `reload` (a good rebuild) and `failed` (a broken one, so the overlay shows), and
    /// after the connection comes back (the server was restarted).
    static let script = """
        <script data-cchc-preview>(function(){if(!window.EventSource)return;var lost=false;\
        var es=new EventSource("\(eventsPath)");\
        es.addEventListener("reload",function(){location.reload();});\
        es.addEventListener("failed",function(){location.reload();});\
        es.onerror=function(){lost=true;};\
        es.onopen=function(){if(lost){location.reload();}};})();</script>
        """

    /// The markup inserted before `</body>`.
    static func snippet(diagnostics: [String]) -> [UInt8] {
        guard !diagnostics.isEmpty else { return Array(script.utf8) }
        var html = """
            <div id="cchc-preview-errors" role="alert" style="position:fixed;inset:0;z-index:2147483647;\
            overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;\
            padding:2rem;box-sizing:border-box;text-align:left">\
            <p style="margin:0 0 1rem;font:bold 18px/1.4 system-ui,sans-serif;color:#ff8a80">\
            The site does not build: \(diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"). \
            This is the last good version; it reloads once the files are fixed.</p>\
            <ol style="margin:0;padding-left:1.5rem">
            """
        for line in diagnostics {
            html += "<li style=\"margin:.25rem 0;white-space:pre-wrap\">\(FastHTML.escape(line))</li>"
        }
        html += "</ol></div>"
        return Array((html + script).utf8)
    }

    /// A tag that changes with the snippet, so pages served with another overlay get another ETag.
    static func variantTag(_ snippet: [UInt8]) -> UInt64 {
        ETag.hash(snippet) | 1
    }

    /// Inserts `snippet` before the last `</body>` (any case), or appends it when there is none.
    static func inject(_ snippet: [UInt8], into page: [UInt8]) -> [UInt8] {
        let tag = Array("</body".utf8)
        var at = page.count
        if page.count >= tag.count {
            var i = page.count - tag.count
            search: while true {
                var match = true
                for j in 0..<tag.count {
                    var byte = page[i + j]
                    if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    if byte != tag[j] {
                        match = false
                        break
                    }
                }
                if match {
                    at = i
                    break search
                }
                if i == 0 { break }
                i -= 1
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(page.count + snippet.count)
        out.append(contentsOf: page[..<at])
        out.append(contentsOf: snippet)
        out.append(contentsOf: page[at...])
        return out
    }
}
