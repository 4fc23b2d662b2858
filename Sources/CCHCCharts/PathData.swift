/// The `d` attribute of an SVG `<path>`, built command by command with coordinates as `Coordinate` writes them.
///
/// It holds only command letters, numbers and spaces, so it is written without escaping.
struct PathData {
    /// The UTF-8 bytes of the path data.
    private(set) var bytes: [UInt8] = []

    /// An empty path.
    init() {
        bytes.reserveCapacity(64)
    }

    /// Whether no command has been added.
    var isEmpty: Bool { bytes.isEmpty }

    /// "M x y": starts a subpath at (`x`, `y`).
    mutating func move(_ x: Double, _ y: Double) {
        command("M", x, y)
    }

    /// "L x y": a line to (`x`, `y`).
    mutating func line(_ x: Double, _ y: Double) {
        command("L", x, y)
    }

    /// "H x": a horizontal line to `x`.
    mutating func horizontal(_ x: Double) {
        bytes.append(UInt8(ascii: "H"))
        Coordinate.append(x, to: &bytes)
    }

    /// "V y": a vertical line to `y`.
    mutating func vertical(_ y: Double) {
        bytes.append(UInt8(ascii: "V"))
        Coordinate.append(y, to: &bytes)
    }

    /// "A r r 0 large 1 x y": a clockwise circular arc of radius `r` to (`x`, `y`).
    mutating func arc(radius r: Double, large: Bool, to x: Double, _ y: Double) {
        bytes.append(UInt8(ascii: "A"))
        Coordinate.append(r, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        Coordinate.append(r, to: &bytes)
        // No rotation, the large-arc flag, clockwise.
        for ascii in [" 0 ", large ? "1" : "0", " 1 "] { bytes.append(contentsOf: ascii.utf8) }
        Coordinate.append(x, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        Coordinate.append(y, to: &bytes)
    }

    /// "M x y L x y … Z": a closed polygon through `points`.
    mutating func polygon(_ points: [(Double, Double)]) {
        for (i, p) in points.enumerated() {
            if i == 0 { move(p.0, p.1) } else { line(p.0, p.1) }
        }
        close()
    }

    /// "Z": closes the subpath.
    mutating func close() {
        bytes.append(UInt8(ascii: "Z"))
    }

    private mutating func command(_ letter: Unicode.Scalar, _ x: Double, _ y: Double) {
        bytes.append(UInt8(ascii: letter))
        Coordinate.append(x, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        Coordinate.append(y, to: &bytes)
    }
}
