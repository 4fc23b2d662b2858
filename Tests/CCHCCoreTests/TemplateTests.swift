import Testing

@testable import CCHCCore

/// The Mustache engine of the theme: the spec's behaviour on the values page builders make.
@Suite struct TemplateTests {
    private func render(_ text: String, _ context: PageMap, partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try Template(parsing: text)]
        for (name, source) in partials { templates[name] = try Template(parsing: source) }
        return try #require(TemplateRenderer(templates: templates).render(context, template: "main"))
    }

    @Test func variablesAreEscapedUnlessTripled() throws {
        let context: PageMap = ["x": "<a href=\"#\">Sở & 'Ngành'</a>", "svg": .html(HTMLBytes(bytes: Array("<svg>&</svg>".utf8)))]
        #expect(try render("{{x}}", context) == "&lt;a href=&quot;#&quot;&gt;Sở &amp; &#39;Ngành&#39;&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{& x }}", context) == "<a href=\"#\">Sở & 'Ngành'</a>|<a href=\"#\">Sở & 'Ngành'</a>")
        #expect(try render("[{{missing}}]", context) == "[]")
        #expect(try render("{{b}} {{f}}", ["b": true, "f": false]) == "true false")
        #expect(try render("{{{svg}}}|{{svg}}", context) == "<svg>&</svg>|&lt;svg&gt;&amp;&lt;/svg&gt;")
        // A list or a mapping has no text: printing one prints nothing.
        #expect(try render("[{{list}}{{map}}]", ["list": ["a"], "map": ["a": "b"]]) == "[]")
    }

    @Test func namesClimbTheStackAndFollowDots() throws {
        let context: PageMap = [
            "root": "../", "plan": ["number": "386/KH-UBND", "href": "ke-hoach/a/"],
            "rows": .maps([["title": "Một"], ["title": "Hai", "root": "/"]]),
            "words": .words(["lead": "Chủ trì"]),
        ]
        #expect(try render("{{plan.number}} {{plan.missing.deeper}}", context) == "386/KH-UBND ")
        #expect(try render("{{#rows}}{{title}}:{{root}} {{/rows}}", context) == "Một:../ Hai:/ ")
        #expect(try render("{{#rows}}[{{.root}}]{{/rows}}", context) == "[][/]")
        #expect(try render("{{#words}}{{lead}}{{/words}} {{words.lead}}", context) == "Chủ trì Chủ trì")
        #expect(try render("{{#list}}<{{.}}>{{/list}}", ["list": ["a", "b"]]) == "<a><b>")
    }

    @Test func sectionsAndInvertedSections() throws {
        let context: PageMap = ["yes": true, "no": false, "empty": .maps([]), "none": [], "one": ["x": "1"], "text": ""]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}", context) == "Y")
        #expect(try render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}", context) == "NEM")
        #expect(try render("{{#none}}L{{/none}}{{^none}}l{{/none}}", context) == "l")
        #expect(try render("{{#one}}{{x}}{{/one}}{{^one}}none{{/one}}", context) == "1")
        // An empty string is a value: the section shows, the inverted one does not.
        #expect(try render("{{#text}}T{{/text}}{{^text}}F{{/text}}", context) == "T")
    }

    @Test func standaloneTagsTakeTheirWholeLine() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n{{! a comment }}\n</ul>\n"
        #expect(try render(text, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // Tags sharing a line with text keep the line.
        #expect(try render("a {{#yes}}b{{/yes}} c\n", ["yes": true]) == "a b c\n")
        #expect(try render("  {{#yes}}{{/yes}}  \nx", ["yes": true]) == "    \nx")
    }

    @Test func partialsShareTheContextAndIndentStandaloneLines() throws {
        let partials = ["row": "<li>{{name}}</li>\n<li>{{name}}!</li>\n"]
        #expect(
            try render("{{#people}}{{> row}}{{/people}}", ["people": [["name": "An"], ["name": "Bình"]]], partials: partials)
                == "<li>An</li>\n<li>An!</li>\n<li>Bình</li>\n<li>Bình!</li>\n")
        #expect(try render("<ul>\n  {{> row}}\n</ul>\n", ["name": "An"], partials: partials) == "<ul>\n  <li>An</li>\n  <li>An!</li>\n</ul>\n")
        #expect(try render("[{{> nothing}}]", [:]) == "[]")
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}\n<% x %> {{x}} <%={{ }}=%>{{x}}", ["x": "1"]) == "1 {{x}} 1")
    }

    @Test(arguments: [
        ("<p>\n{{#a}}\n</p>\n", "the section `{{#a}}` is not closed", 2, 1),
        ("{{#a}}{{/b}}", "closes `{{#a}}`", 1, 7),
        ("x\n  {{/a}}", "never opened", 2, 3),
        ("{{upper(name)}}", "transforms", 1, 3),
        ("{{<layout}}{{/layout}}", "inheritance", 1, 1),
        ("{{% CONTENT_TYPE: TEXT }}", "pragmas", 1, 1),
        ("{{name", "not closed", 1, 7),
        ("{{{name}}", "third `}`", 1, 10),
    ])
    func syntaxErrorsSayWhere(text: String, message: String, line: Int, column: Int) {
        do {
            _ = try Template(parsing: text)
            Issue.record("\(text) parsed")
        } catch let error as TemplateSyntaxError {
            #expect(error.message.contains(message), "\(error)")
            #expect(error.line == line && error.column == column, "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func namesMissingFromThePageAreLookedUpInTheSharedValues() throws {
        let templates = ["main": try Template(parsing: "{{root}}|{{title}}|{{#rows}}{{root}}{{/rows}}")]
        let page: PageMap = ["title": "Trang", "rows": .maps([["x": "1"]])]
        let shared: PageMap = ["root": "../", "title": "bị che"]
        let bytes = try #require(TemplateRenderer(templates: templates).renderBytes(page, inside: shared, template: "main"))
        #expect(String(decoding: bytes, as: UTF8.self) == "../|Trang|../")
    }

    @Test func aMappingKeepsOneValuePerName() {
        var map: PageMap = ["a": "1", "b": "2"]
        map["a"] = "3"
        map["c"] = true
        map["b"] = nil
        #expect(map.count == 2)
        #expect(map.text("a") == "3")
        #expect(map["b"] == nil)
        if case .flag(true)? = map["c"] {} else { Issue.record("`c` should be the flag true") }
    }
}
