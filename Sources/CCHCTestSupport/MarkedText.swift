/// A fixture text with markers such as `⟨E⟩` at the spots diagnostics must point to.
///
/// The markers are stripped; each one's 1-based line and column (counted in `Character`s, which is
/// what a person sees and what `SourceLocation` promises) is kept by name. The shape follows
/// swift-format's `MarkedText`, written here for Swift Testing and for line/column positions.
public struct MarkedText: Sendable, Equatable {
    /// A marker's position in the stripped text.
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        /// The 1-based line.
        public var line: Int
        /// The 1-based column, in characters.
        public var column: Int

        /// Makes a position.
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        /// `line:column`.
        public var description: String { "\(line):\(column)" }
    }

    /// The text without its markers.
    public let text: String
    /// Marker name (the text between `⟨` and `⟩`) → where it stood.
    public let markers: [String: Position]

    /// Strips every `⟨name⟩` from `marked`; a name is 1 to 8 letters or digits.
    ///
    /// A `⟨` not followed by a short name and `⟩` is kept as text, so fixtures can still contain the
    /// character itself.
    public init(_ marked: String) {
        var text = ""
        var markers: [String: Position] = [:]
        var line = 1, column = 1
        var index = marked.startIndex
        while index < marked.endIndex {
            let character = marked[index]
            if character == "⟨", let close = marked[index...].firstIndex(of: "⟩") {
                let name = marked[marked.index(after: index)..<close]
                if (1...8).contains(name.count), name.allSatisfy({ $0.isLetter || $0.isNumber }) {
                    precondition(markers[String(name)] == nil, "marker ⟨\(name)⟩ appears twice")
                    markers[String(name)] = Position(line: line, column: column)
                    index = marked.index(after: close)
                    continue
                }
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = marked.index(after: index)
        }
        self.text = text
        self.markers = markers
    }

    /// The position of the only marker, or nil when there is not exactly one.
    public var only: Position? { markers.count == 1 ? markers.first!.value : nil }
}
