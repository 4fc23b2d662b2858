import CCHCTestSupport
import Foundation
import Testing

/// A site's own template that names a value its page does not have is reported, where it is
/// written, with the name it most likely meant; the build still succeeds.
struct TemplateWarningTests {
    /// The default `update` partial with `agency.name` misspelt on its first line, and a word misspelt.
    static let update = """
        <div class="update" id="{{anchor}}">
        <p class="update-meta">{{reported}} · <a href="{{agency.href}}">{{agency.nmae}}</a> {{words.leadd}}</p>
        {{#evidence}}<a href="{{href}}">{{titel}}</a>{{/evidence}}
        </div>

        """

    @Test func aMisspeltNameIsAWarningAtItsTagWithTheNearestName() throws {
        let site = try TemporarySite(Fixtures.minimal(["templates/update.mustache": Self.update]))
        let run = try CCHCBinary.run(["build", site.root.path])
        #expect(run.exitCode == 0 && !run.crashed, "\(run)")
        #expect(
            run.stderr.contains(
                "templates/update.mustache:2:65: warning: `agency.nmae`: this page has no value `nmae` here, so it prints nothing; did you mean `name`?"),
            "\(run)")
        #expect(run.stderr.contains("templates/update.mustache:2:85: warning: `words.leadd`"), "\(run)")
        #expect(run.stderr.contains("did you mean `lead`?"), "\(run)")
        // Inside a section, the names of its item count: `titel` is near the evidence's `title`.
        #expect(run.stderr.contains("templates/update.mustache:3:33: warning: `titel`"), "\(run)")
        #expect(run.stderr.contains("did you mean `title`?"), "\(run)")
        // Reported once, though the partial is drawn on several pages.
        #expect(run.stderr.components(separatedBy: "`agency.nmae`").count == 2, "\(run)")
    }

    @Test func theDefaultThemeAndTheExampleSiteHaveNoTemplateWarnings() throws {
        let site = try TemporarySite.example(includingTemplates: true)
        let run = try CCHCBinary.run(["build", site.root.path])
        #expect(run.exitCode == 0, "\(run)")
        #expect(!run.stderr.contains("warning:"), "\(run)")
    }

    @Test func namesOfTheSharedValuesAndOfEnclosingSectionsResolve() throws {
        // `root` and `as_of` are shared; inside `{{#pairs}}` a pair's `status` and the page's `title` are seen.
        let task = "<h1>{{title}}</h1><p>{{as_of}} {{root}}</p>{{#pairs}}{{agency.name}} {{status.label}} {{title}}{{/pairs}}{{^pairs}}{{nothing}}{{/pairs}}\n"
        let site = try TemporarySite(Fixtures.minimal(["templates/task.mustache": task]))
        let run = try CCHCBinary.run(["build", site.root.path])
        #expect(run.exitCode == 0, "\(run)")
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(warnings.count == 1, "\(run)")
        #expect(warnings.first?.contains("templates/task.mustache:1:") == true && warnings.first?.contains("`nothing`") == true, "\(run)")
    }
}
