import Testing

@testable import CCHCCharts

/// The byte buffer under the markup writer, and the writer's shortcuts that avoid making strings.
@Suite struct MarkupWriterTests {
    /// Appends of every size, past the first capacity many times over, give the bytes an array gets.
    @Test(arguments: [1, 16, 100])
    func bufferGrowsWithoutLosingBytes(capacity: Int) {
        var buffer = ByteBuffer(capacity: capacity)
        var expected: [UInt8] = []
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<2_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 58) // 0…63
            let chunk = (0..<length).map { UInt8(truncatingIfNeeded: round &+ $0) }
            if length == 1 {
                buffer.append(chunk[0])
            } else {
                buffer.append(chunk)
            }
            expected += chunk
            if round % 97 == 0 {
                buffer.append("<tag>")
                expected += Array("<tag>".utf8)
            }
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.array == expected)
    }

    /// A fragment spliced into a writer keeps its bytes, and an empty one adds nothing.
    @Test func fragmentsAreSplicedWhole() {
        var fragment = MarkupWriter(depth: 1, capacity: 1)
        for i in 0..<50 { fragment.circle(cx: Double(i), cy: 1, r: 2, fill: "#ffffff") }
        var svg = MarkupWriter(capacity: 1)
        svg.group(class: "outer") { $0.append(fragment) }
        let empty = MarkupWriter(depth: 1)
        var same = MarkupWriter()
        same.group(class: "outer") { $0.append(empty) }
        #expect(svg.string == "<g class=\"outer\">" + fragment.string + "\n</g>")
        #expect(same.string == "<g class=\"outer\"/>")
    }

    /// A numbered id written in parts reads as the joined string would, escaped the same way.
    @Test func numberedIDsMatchJoinedOnes() {
        for (prefix, number) in [("chart", 0), ("bieu-do", 12), ("a&b", 345_678), ("x", -7)] {
            var parts = MarkupWriter()
            parts.group(class: "chart-row", id: (prefix, "-row-", number)) { _ in }
            var joined = MarkupWriter()
            joined.group(class: "chart-row", id: "\(prefix)-row-\(number)") { _ in }
            #expect(parts.string == joined.string)
        }
    }

    /// The constant state classes are the base class and the state's slug.
    @Test func stateClassesAreBaseAndSlug() {
        let bases: [(Palette.StateClass, String)] = [
            (.marker, "chart-marker"), (.row, "chart-row"), (.segment, "chart-seg"),
            (.legendItem, "chart-legend-item"),
        ]
        #expect(bases.count == Palette.StateClass.allCases.count)
        for (kind, base) in bases {
            for state in TaskState.allCases {
                #expect(Palette.stateClass(kind, state) == "\(base) chart-state-\(Palette.slug(state))")
            }
        }
    }

    /// A chart's three parts sit in its figure where the output says.
    @Test func partsAreInsideTheFigure() {
        let output = StateBarsChart(id: "t", title: "T", rows: [.init(name: "Sở A", counts: [.done: 2, .overdue: 1])]).render()
        let html = output.html
        #expect(html.hasPrefix("<figure class=\"chart-figure chart-figure-states\" id=\"t\">\n" + output.svg + "\n<details"))
        #expect(html.hasSuffix(output.table + "\n</details>\n</figure>"))
        #expect(output.svgBytes == Array(output.svg.utf8) && output.tableBytes == Array(output.table.utf8))
    }

    /// A state bar row made from a function draws as the one made from the same counts in a dictionary, and reads
    /// back the states that count.
    @Test func stateBarRowsFromAFunctionMatchDictionaries() {
        let counts: [TaskState: Int] = [.done: 3, .overdue: 2, .noReport: -1, .dropped: 0]
        let byFunction = StateBarsChart.Row(name: "Sở A") { counts[$0] ?? 0 }
        let byDictionary = StateBarsChart.Row(name: "Sở A", counts: counts)
        #expect(byFunction == byDictionary)
        #expect(byFunction.counts == [.done: 3, .overdue: 2, .noReport: -1])
        let a = StateBarsChart(id: "s", title: "S", rows: [byFunction]).render()
        let b = StateBarsChart(id: "s", title: "S", rows: [byDictionary]).render()
        #expect(a == b)
        var changed = byDictionary
        changed.counts[.inProgress] = 4
        #expect(changed.counts == [.done: 3, .overdue: 2, .noReport: -1, .inProgress: 4])
    }
}
