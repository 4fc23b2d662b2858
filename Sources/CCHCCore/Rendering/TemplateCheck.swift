/// Finds the names a theme's templates use that their pages do not have.
///
/// Mustache prints nothing for a name it cannot find, so `{{agency.nmae}}` in a site's own
/// template would leave a hole in every page, silently. Each page template is walked with the
/// shape of its page's model (``PageModels``) and the shared values, the layout with its own;
/// a section's body sees the value it opens, and a partial is walked where it is included. Every
/// name that resolves nowhere is a warning at its tag, with the nearest name it could have meant.
enum TemplateCheck {
    /// A template to check: its parse of the text as written (before the words are put in) and
    /// the path to name in messages.
    struct Source {
        var template: Template
        var path: String
    }

    /// The warnings for `templates`, by template name; partials are those included.
    static func check(_ templates: [String: Source]) -> [Diagnostic] {
        var walker = Walker(templates: templates)
        let shared = TemplateShape.of(SharedValues.self).names.merging(["words": wordsShape]) { _, words in words }
        for (name, model) in PageModels.byTemplate {
            guard let source = templates[name] else { continue }
            walker.walk(source.template.nodes, in: source, stack: [.map(shared), TemplateShape.shape(of: model)], partials: [name])
        }
        if let layout = templates["layout"] {
            walker.walk(layout.template.nodes, in: layout, stack: [.map(shared), .of(LayoutValues.self)], partials: ["layout"])
        }
        if let layout = templates["embed-layout"] {
            walker.walk(layout.template.nodes, in: layout, stack: [.map(shared), .of(EmbedLayoutValues.self)], partials: ["embed-layout"])
        }
        return walker.warnings.sorted { $0.location < $1.location }
    }

    /// `words.<name>` for every word of ``Words``. Made when asked (once per theme), not kept in a
    /// global: an indirect enum's box held only by a global is reported as a leak by LeakSanitizer.
    static var wordsShape: TemplateShape { .map(Dictionary(uniqueKeysWithValues: Words.templateNames.map { ($0.name, .scalar) })) }

    private struct Walker {
        let templates: [String: Source]
        var warnings: [Diagnostic] = []
        /// Tags already reported, so a partial included in many places is reported once per tag.
        var reported: Set<SourceLocation> = []

        init(templates: [String: Source]) { self.templates = templates }

        mutating func walk(_ nodes: [Template.Node], in source: Source, stack: [TemplateShape], partials: [String]) {
            for node in nodes {
                switch node {
                case .text: break
                case .variable(let name, _, let at):
                    _ = resolve(name, stack: stack, source: source, at: at)
                case .section(let name, let body, let inverted, let at):
                    let shape = resolve(name, stack: stack, source: source, at: at)
                    // An inverted section's body sees what is around it; a section's body sees the
                    // value it opens too (a list's item); an unknown one sees anything.
                    let inner: [TemplateShape] = inverted ? stack : stack + [shape?.inside ?? .open]
                    walk(body, in: source, stack: inner, partials: partials)
                case .partial(let name, _, _):
                    // A partial that does not exist renders nothing; one that includes itself is walked once.
                    guard let partial = templates[name], !partials.contains(name) else { continue }
                    walk(partial.template.nodes, in: partial, stack: stack, partials: partials + [name])
                }
            }
        }

        /// The shape `name` has with `stack` around it, or nil (and a warning) when it has none.
        mutating func resolve(_ name: Template.Name, stack: [TemplateShape], source: Source, at: Template.Position) -> TemplateShape? {
            guard let first = name.parts.first else { return stack.last }
            var candidates: [String] = []
            var found: TemplateShape?
            for shape in (name.anchored ? Array(stack.suffix(1)) : stack).reversed() {
                if case .open = shape { return .open }
                if let value = shape.names[first] {
                    found = value
                    break
                }
                candidates += shape.names.keys
            }
            guard var value = found else {
                warn(name.text, missing: first, candidates: candidates, source: source, at: at)
                return nil
            }
            for part in name.parts.dropFirst() {
                if case .open = value { return .open }
                guard let next = value.names[part] else {
                    warn(name.text, missing: part, candidates: Array(value.names.keys), source: source, at: at)
                    return nil
                }
                value = next
            }
            return value
        }

        mutating func warn(_ text: String, missing: String, candidates: [String], source: Source, at: Template.Position) {
            let location = SourceLocation(path: source.path, line: at.line, column: at.column)
            guard reported.insert(location).inserted else { return }
            var message = "`\(text)`: this page has no value `\(missing)` here, so it prints nothing"
            if let near = Suggestion.nearest(to: missing, in: Array(Set(candidates)).sorted()) {
                message += "; did you mean `\(near)`?"
            } else {
                message += "; see docs/templates.md for the values of each page"
            }
            warnings.append(Diagnostic(.warning, location, message))
        }
    }
}

extension TemplateShape {
    /// The shape of a model type known only at run time.
    static func shape(of model: any TemplateModel.Type) -> TemplateShape {
        func open<T: TemplateModel>(_ type: T.Type) -> TemplateShape { .of(type) }
        return open(model)
    }
}
