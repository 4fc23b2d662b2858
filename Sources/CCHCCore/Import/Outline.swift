import Foundation

/// The list markers that give a Vietnamese administrative document its outline:
/// `I.` parts, `1.` items, `1.1.` sub-items, `a)` points, `-` and `+` bullets.
public enum Outline {
    /// A marker at the start of a paragraph.
    public struct Marker: Sendable, Hashable {
        /// The kind of marker, which fixes its level.
        public enum Kind: Int, Sendable, Comparable {
            case part = 1, item = 2, subitem = 3, subsubitem = 4, point = 5, dash = 6, plus = 7

            public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
        }
        /// The kind.
        public var kind: Kind
        /// The label as it reads in a section path: "III", "2", "2.3", "b"; "" for bullets.
        public var label: String
        /// The text after the marker.
        public var rest: String
    }

    private static let romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    /// The marker at the start of `text`, if any.
    public static func marker(in text: String) -> Marker? {
        let chars = Array(text)
        guard let first = chars.first else { return nil }
        func rest(from index: Int) -> String {
            String(chars[index...]).trimmingCharacters(in: .whitespaces)
        }
        // Bullets.
        if "-–—•·●▪".contains(first) {
            if chars.count > 1, chars[1].isNumber { return nil } // "-5" is a number
            return Marker(kind: .dash, label: "", rest: rest(from: 1))
        }
        if first == "+" { return Marker(kind: .plus, label: "", rest: rest(from: 1)) }
        // "PHẦN I." / roman numerals.
        // OCR reads I as l or 1 ("Il.", "1I."): taken as roman when a real I, V or X is there too.
        var i = 0
        while i < chars.count, "IVXLỊl1".contains(chars[i]) { i += 1 }
        let numeral = String(chars[..<i]).map { "Ịl1".contains($0) ? "I" : String($0) }.joined()
        let hasRoman = chars[..<i].contains { "IVX".contains($0) }
        if i > 0, hasRoman, i < chars.count, chars[i] == "." || chars[i] == ")" || chars[i] == " ", romans.contains(numeral) {
            let after = rest(from: i + 1)
            // "I. MỤC ĐÍCH" — but not a sentence that starts with the pronoun-like letter "I".
            if chars[i] != " " || after.first?.isUppercase == true, !after.isEmpty, after.first?.isUppercase == true || chars[i] != " " {
                return Marker(kind: .part, label: numeral, rest: after)
            }
        }
        // Arabic numbers: "1.", "1.2.", "1.2.3", "2)" ; OCR may read 1 as l.
        var numbers: [String] = []
        var digits = ""
        i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCII && c.isNumber || (c == "l" && digits.isEmpty && i + 1 < chars.count && chars[i + 1] == ".") {
                digits.append(c == "l" ? "1" : c)
                i += 1
            } else if c == ".", !digits.isEmpty, digits.count <= 2 {
                numbers.append(digits)
                digits = ""
                i += 1
            } else {
                break
            }
        }
        if !digits.isEmpty {
            // "1.2 Text" (no trailing dot) and "2) Text".
            if digits.count <= 2, i < chars.count, chars[i] == ")" || (chars[i] == " " && !numbers.isEmpty) {
                numbers.append(digits)
                if chars[i] == ")" { i += 1 }
            } else {
                return letterPoint(chars)
            }
        }
        if !numbers.isEmpty, numbers.count <= 3 {
            let after = rest(from: i)
            // A number then text; not a date like "20.6.2024" nor a decimal.
            if !after.isEmpty, let f = after.first, !f.isNumber, numbers.allSatisfy({ Int($0)! < 100 && Int($0)! > 0 }) {
                let kind: Marker.Kind = numbers.count == 1 ? .item : numbers.count == 2 ? .subitem : .subsubitem
                return Marker(kind: kind, label: numbers.map { String(Int($0)!) }.joined(separator: "."), rest: after)
            }
        }
        return letterPoint(chars)
    }

    /// "a) ", "b. ", "đ) " points.
    private static func letterPoint(_ chars: [Character]) -> Marker? {
        guard chars.count > 3, let first = chars.first, first.isLowercase, first.isLetter,
            chars[1] == ")" || (chars[1] == "." && chars[2] == " "), chars[2] == " " || chars[1] == ")"
        else { return nil }
        let after = String(chars[2...]).trimmingCharacters(in: .whitespaces)
        guard !after.isEmpty else { return nil }
        return Marker(kind: .point, label: String(first), rest: after)
    }
}
