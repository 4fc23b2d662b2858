import CCHCFormat
import Foundation

/// The states a task can be in, as charts colour, pattern and name them.
public enum TaskState: String, Sendable, CaseIterable, Hashable {
    /// Finished on time ("Hoàn thành").
    case done
    /// Finished after the deadline ("Hoàn thành quá hạn").
    case doneLate
    /// Under way and not late ("Đang thực hiện").
    case inProgress
    /// Not begun and not late ("Chưa thực hiện").
    case notStarted
    /// Past its deadline and not finished ("Quá hạn").
    case overdue
    /// Stopped or no longer required ("Dừng thực hiện").
    case dropped
    /// No progress report received ("Chưa báo cáo").
    case noReport

    /// Hashes the case, not its raw string (which a raw-value enum hashes by default): charts and
    /// pages key tallies by state.
    public func hash(into hasher: inout Hasher) {
        let position: UInt8
        switch self {
        case .done: position = 0
        case .doneLate: position = 1
        case .inProgress: position = 2
        case .notStarted: position = 3
        case .overdue: position = 4
        case .dropped: position = 5
        case .noReport: position = 6
        }
        hasher.combine(position)
    }

    /// The state's label in `language`.
    public func label(_ language: SiteLanguage) -> String {
        switch (self, language) {
        case (.done, .vi): return "Hoàn thành"
        case (.done, .en): return "Done"
        case (.doneLate, .vi): return "Hoàn thành quá hạn"
        case (.doneLate, .en): return "Done late"
        case (.inProgress, .vi): return "Đang thực hiện"
        case (.inProgress, .en): return "In progress"
        case (.notStarted, .vi): return "Chưa thực hiện"
        case (.notStarted, .en): return "Not started"
        case (.overdue, .vi): return "Quá hạn"
        case (.overdue, .en): return "Overdue"
        case (.dropped, .vi): return "Dừng thực hiện"
        case (.dropped, .en): return "Dropped"
        case (.noReport, .vi): return "Chưa báo cáo"
        case (.noReport, .en): return "No report"
        }
    }

    /// The label as it reads inside a sentence: `label(language).lowercased()`, without working it out each time.
    func sentenceLabel(_ language: SiteLanguage) -> String {
        switch (self, language) {
        case (.done, .vi): return "hoàn thành"
        case (.done, .en): return "done"
        case (.doneLate, .vi): return "hoàn thành quá hạn"
        case (.doneLate, .en): return "done late"
        case (.inProgress, .vi): return "đang thực hiện"
        case (.inProgress, .en): return "in progress"
        case (.notStarted, .vi): return "chưa thực hiện"
        case (.notStarted, .en): return "not started"
        case (.overdue, .vi): return "quá hạn"
        case (.overdue, .en): return "overdue"
        case (.dropped, .vi): return "dừng thực hiện"
        case (.dropped, .en): return "dropped"
        case (.noReport, .vi): return "chưa báo cáo"
        case (.noReport, .en): return "no report"
        }
    }
}

/// Colours from the Okabe–Ito palette (safe for the common colour-vision deficiencies), plus inks and greys.
enum Palette {
    /// Main text: 16,1:1 on white.
    static let ink = "#1a1a1a"
    /// Secondary text: 7:1 on white.
    static let muted = "#595959"
    /// Axis and outline lines.
    static let axis = "#767676"
    /// Grid lines.
    static let grid = "#d9d9d9"
    /// Bar tracks.
    static let track = "#eeeeee"
    /// The main series (Okabe–Ito blue, 5,1:1 on white).
    static let series = "#0072B2"
    /// Targets (Okabe–Ito vermillion; text next to it uses `ink`).
    static let target = "#D55E00"
    /// Values that break the scale.
    static let alert = "#A33A00"

    /// The fill of a task state (a colour, or a pattern reference for hatched states).
    static func fill(_ state: TaskState, id: String) -> String {
        switch state {
        case .done: return "#009E73"
        case .doneLate: return "url(#\(id)-pat-done-late)"
        case .inProgress: return "#56B4E9"
        case .notStarted: return "#E69F00"
        case .overdue: return "url(#\(id)-pat-overdue)"
        case .dropped: return "url(#\(id)-pat-dropped)"
        case .noReport: return "#dddddd"
        }
    }

    /// The elements whose class names a task state: each gets `"<base> chart-state-<slug>"`.
    enum StateClass: CaseIterable {
        /// A state marker: `chart-marker`.
        case marker
        /// A timeline row: `chart-row`.
        case row
        /// A bar segment: `chart-seg`.
        case segment
        /// A legend item: `chart-legend-item`.
        case legendItem
    }

    /// The class of an element of `kind` for `state`, e.g. "chart-marker chart-state-done-late": a constant, so
    /// drawing a chart's many markers, rows and segments makes no new string for their classes.
    static func stateClass(_ kind: StateClass, _ state: TaskState) -> String {
        switch kind {
        case .marker:
            switch state {
            case .done: return "chart-marker chart-state-done"
            case .doneLate: return "chart-marker chart-state-done-late"
            case .inProgress: return "chart-marker chart-state-in-progress"
            case .notStarted: return "chart-marker chart-state-not-started"
            case .overdue: return "chart-marker chart-state-overdue"
            case .dropped: return "chart-marker chart-state-dropped"
            case .noReport: return "chart-marker chart-state-no-report"
            }
        case .row:
            switch state {
            case .done: return "chart-row chart-state-done"
            case .doneLate: return "chart-row chart-state-done-late"
            case .inProgress: return "chart-row chart-state-in-progress"
            case .notStarted: return "chart-row chart-state-not-started"
            case .overdue: return "chart-row chart-state-overdue"
            case .dropped: return "chart-row chart-state-dropped"
            case .noReport: return "chart-row chart-state-no-report"
            }
        case .segment:
            switch state {
            case .done: return "chart-seg chart-state-done"
            case .doneLate: return "chart-seg chart-state-done-late"
            case .inProgress: return "chart-seg chart-state-in-progress"
            case .notStarted: return "chart-seg chart-state-not-started"
            case .overdue: return "chart-seg chart-state-overdue"
            case .dropped: return "chart-seg chart-state-dropped"
            case .noReport: return "chart-seg chart-state-no-report"
            }
        case .legendItem:
            switch state {
            case .done: return "chart-legend-item chart-state-done"
            case .doneLate: return "chart-legend-item chart-state-done-late"
            case .inProgress: return "chart-legend-item chart-state-in-progress"
            case .notStarted: return "chart-legend-item chart-state-not-started"
            case .overdue: return "chart-legend-item chart-state-overdue"
            case .dropped: return "chart-legend-item chart-state-dropped"
            case .noReport: return "chart-legend-item chart-state-no-report"
            }
        }
    }

    /// The kebab-case name used in class names and ids.
    static func slug(_ state: TaskState) -> String {
        switch state {
        case .done: return "done"
        case .doneLate: return "done-late"
        case .inProgress: return "in-progress"
        case .notStarted: return "not-started"
        case .overdue: return "overdue"
        case .dropped: return "dropped"
        case .noReport: return "no-report"
        }
    }

    /// The `<pattern>` definitions for the hatched states, ids prefixed with the chart id, as a fragment for `<defs>`.
    static func statePatterns(id: String) -> MarkupWriter {
        var defs = MarkupWriter(depth: 2)
        // Done late: the "done" green with white dots.
        pattern(id: "\(id)-pat-done-late", rotated: false, into: &defs) { tile in
            tile.rect(width: 8, height: 8, fill: "#009E73")
            tile.circle(cx: 4, cy: 4, r: 1.8, fill: "#ffffff")
        }
        // Overdue: vermillion with white diagonal stripes.
        pattern(id: "\(id)-pat-overdue", rotated: true, into: &defs) { tile in
            tile.rect(width: 8, height: 8, fill: "#D55E00")
            tile.rect(width: 3, height: 8, fill: "#ffffff")
        }
        // Dropped: grey with white cross-hatching.
        pattern(id: "\(id)-pat-dropped", rotated: false, into: &defs) { tile in
            tile.rect(width: 8, height: 8, fill: "#8c8c8c")
            var cross = PathData()
            cross.move(0, 0)
            cross.line(8, 8)
            cross.move(8, 0)
            cross.line(0, 8)
            tile.path(cross, stroke: "#ffffff", strokeWidth: 1.5)
        }
        return defs
    }

    /// The hatch used for "no value" cells, as a fragment for `<defs>`.
    static func nilPattern(id: String) -> MarkupWriter {
        var defs = MarkupWriter(depth: 2, capacity: 512)
        pattern(id: "\(id)-pat-none", rotated: true, into: &defs) { tile in
            tile.rect(width: 8, height: 8, fill: "#ffffff")
            tile.rect(width: 2, height: 8, fill: "#c4c4c4")
        }
        return defs
    }

    /// An 8 × 8 `<pattern>` in user space, turned 45° when `rotated`, whose tile `content` draws.
    private static func pattern(id: String, rotated: Bool, into defs: inout MarkupWriter, _ content: (inout MarkupWriter) -> Void) {
        defs.start("pattern")
        defs.attribute("id", id)
        defs.attribute("width", 8)
        defs.attribute("height", 8)
        defs.attribute("patternUnits", "userSpaceOnUse")
        if rotated { defs.attribute("patternTransform", "rotate(45)") }
        content(&defs)
        defs.end()
    }

    /// A sequential blue ramp for shares 0…1, monotonic in lightness so it survives greyscale printing.
    static func ramp(_ share: Double) -> (r: Double, g: Double, b: Double) {
        let stops: [(Double, Double, Double)] = [(0xF7, 0xFB, 0xFF), (0xC6, 0xDB, 0xEF), (0x6B, 0xAE, 0xD6), (0x21, 0x71, 0xB5), (0x08, 0x30, 0x6B)]
        let t = min(max(share, 0), 1) * Double(stops.count - 1)
        let i = min(Int(t), stops.count - 2)
        let f = t - Double(i)
        let a = stops[i], b = stops[i + 1]
        return (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    /// The hex string of an RGB triple with 0…255 components.
    static func hex(_ c: (r: Double, g: Double, b: Double)) -> String {
        let digits: StaticString = "0123456789abcdef"
        var out = "#"
        for v in [c.r, c.g, c.b] {
            let i = Int(min(max(v.rounded(), 0), 255))
            out.unicodeScalars.append(Unicode.Scalar(digits.utf8Start[i / 16]))
            out.unicodeScalars.append(Unicode.Scalar(digits.utf8Start[i % 16]))
        }
        return out
    }

    /// The WCAG relative luminance of an RGB triple.
    static func luminance(_ c: (r: Double, g: Double, b: Double)) -> Double {
        func lin(_ v: Double) -> Double {
            let s = v / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
    }

    /// Black or white, whichever contrasts more with the background (always at least 4,58:1).
    static func textOn(_ c: (r: Double, g: Double, b: Double)) -> String {
        let l = luminance(c)
        let onBlack = (l + 0.05) / 0.05
        let onWhite = 1.05 / (l + 0.05)
        return onBlack >= onWhite ? "#000000" : "#ffffff"
    }
}
