import Testing

@testable import CCHCCore

/// The core's task states and the chart module's map one to one.
struct ChartStateTests {
    @Test func chartStatesRoundTrip() {
        for state in TaskState.allCases {
            #expect(PageBuilder.coreState(PageBuilder.chartState(state)) == state)
        }
        #expect(Set(TaskState.allCases.map(PageBuilder.chartState)).count == TaskState.allCases.count)
    }
}
