import Testing

@testable import CCHCCore

/// The update pages' pagination bar: a window around the current page, not every page.
struct PaginationTests {
    @Test func aFewPagesAreAllListed() {
        #expect(PageBuilder.paginationWindow(current: 1, count: 1) == [1])
        #expect(PageBuilder.paginationWindow(current: 2, count: 3) == [1, 2, 3])
        #expect(PageBuilder.paginationWindow(current: 4, count: 7) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func farPagesAreLeftOutWithAGap() {
        #expect(PageBuilder.paginationWindow(current: 1, count: 250) == [1, 2, 3, nil, 250])
        #expect(PageBuilder.paginationWindow(current: 100, count: 250) == [1, nil, 98, 99, 100, 101, 102, nil, 250])
        #expect(PageBuilder.paginationWindow(current: 250, count: 250) == [1, nil, 248, 249, 250])
    }

    @Test func aGapOfOnePageListsThatPage() {
        // Page 2 would be the only one left out between 1 and 3.
        #expect(PageBuilder.paginationWindow(current: 5, count: 20) == [1, 2, 3, 4, 5, 6, 7, nil, 20])
        #expect(PageBuilder.paginationWindow(current: 16, count: 20) == [1, nil, 14, 15, 16, 17, 18, 19, 20])
    }

    /// Every page is reachable: each page lists its neighbours, the first and the last, and the
    /// bar never grows with the number of pages.
    @Test func everyPageIsReachableAndTheBarStaysSmall() {
        for count in [1, 2, 9, 10, 57, 1002] {
            for current in 1...count {
                let window = PageBuilder.paginationWindow(current: current, count: count)
                let numbers = window.compactMap { $0 }
                #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count)
                #expect(numbers.contains(1) && numbers.contains(count) && numbers.contains(current))
                if current > 1 { #expect(numbers.contains(current - 1)) }
                if current < count { #expect(numbers.contains(current + 1)) }
                #expect(window.count <= 9, "page \(current) of \(count) lists \(window.count) items")
                for (a, b) in zip(window, window.dropFirst()) where a == nil { #expect(b != nil, "no two gaps in a row") }
            }
        }
    }
}
