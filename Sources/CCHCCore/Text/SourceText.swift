import Foundation

/// The text of a source file after decoding, with any warnings about how it looks.
public struct DecodedText: Sendable, Equatable {
    /// The file's text in NFC, with LF line ends and without a byte-order mark.
    public var text: String
    /// Short English warnings (with how to fix) about text that looks mis-converted; usually empty.
    public var warnings: [String]

    /// Makes a decoded text from its parts.
    public init(text: String, warnings: [String] = []) {
        self.text = text
        self.warnings = warnings
    }
}

/// Why a source file's bytes could not be read as text.
public enum SourceTextError: Error, Sendable, Equatable {
    /// The bytes are not UTF-8: 1-based line and column (in characters) of the first bad byte, and the likely encoding.
    case notUTF8(line: Int, column: Int, likely: LegacyEncoding?)
}

/// Decodes the bytes of a content file the way the content format's "Rules for every file" require.
public enum SourceText {
    /// Decodes UTF-8 (with or without a BOM), turns CRLF and lone CR into LF and normalises to NFC.
    ///
    /// Bytes that are not UTF-8 are refused with the position of the first bad byte and the legacy
    /// encoding they most likely are; valid text that looks mis-converted decodes with a warning.
    public static func decode(_ data: [UInt8]) -> Result<DecodedText, SourceTextError> {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let survey = Survey(bytes)
        if let bad = survey.invalidOffset {
            let (line, column) = position(of: bad, in: bytes)
            return .failure(.notUTF8(line: line, column: column, likely: LegacyEncoding.guess(bytes)))
        }
        if survey.hasCR { bytes = normalisingLineEnds(bytes) }
        let text = String(decoding: bytes, as: UTF8.self)
        guard survey.hasNonASCII else { return .success(DecodedText(text: text)) }
        // Already NFC (nearly every file): the survey has answered `misconversionWarnings`' shortcut too.
        if survey.isKnownNFC {
            return .success(DecodedText(text: text, warnings: survey.isPlainlyVietnamese ? [] : scannedMisconversionWarnings(text)))
        }
        let normalized = text.precomposedStringWithCanonicalMapping
        return .success(DecodedText(text: normalized, warnings: misconversionWarnings(normalized)))
    }

    /// What one pass over a file's bytes tells: where the first byte that is not UTF-8 is (nil when
    /// there is none), and of the text they hold, the answers of `NFC.isKnownNFC` and
    /// `isPlainlyVietnamese`, whether it has a carriage return and whether it is all ASCII. Four
    /// passes over every file were a tenth of reading a national site.
    struct Survey {
        private(set) var invalidOffset: Int?
        private(set) var hasCR = false
        private(set) var hasNonASCII = false
        private(set) var isKnownNFC = true
        private var vietnameseLetter = false
        private var latin1Continuation = false

        var isPlainlyVietnamese: Bool { vietnameseLetter && !latin1Continuation }

        init(_ bytes: [UInt8]) {
            var survey = Survey()
            survey.invalidOffset = UTF8Validation.walk(
                bytes,
                ascii: { byte in
                    if byte == 0x0D { survey.hasCR = true }
                },
                scalar: { scalar in
                    survey.note(scalar)
                })
            self = survey
        }

        private init() {}

        /// Takes in a scalar of U+0080 or above.
        private mutating func note(_ scalar: Unicode.Scalar) {
            hasNonASCII = true
            if isKnownNFC && !NFC.isKnownStable(scalar) { isKnownNFC = false }
            if SourceText.isVietnameseOnlyLetter(scalar) {
                vietnameseLetter = true
            } else if !latin1Continuation, let byte = SourceText.windows1252Byte(scalar), byte & 0xC0 == 0x80 {
                latin1Continuation = true
            }
        }
    }

    /// The 1-based line and character column of byte `offset`; CRLF, lone CR and LF each end a line.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < offset {
            let byte = bytes[i]
            if byte == 0x0A || (byte == 0x0D && !(i + 1 < offset && bytes[i + 1] == 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    /// `bytes` with every CRLF and lone CR replaced by LF.
    static func normalisingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(byte)
            }
            i += 1
        }
        return out
    }

    // MARK: - Mis-converted text

    /// The warning for UTF-8 that was read as Windows-1252 and saved again.
    static let doubleEncodedWarning =
        "text looks double-encoded (UTF-8 read as Windows-1252 and saved again: \"Káº¿ hoáº¡ch\" for \"Kế hoạch\"); "
        + "save the original file again as UTF-8, or convert this one back from Windows-1252"

    /// The warning for a legacy encoding's bytes that were read as Latin-1 and saved as UTF-8.
    static func latin1Warning(_ encoding: LegacyEncoding) -> String {
        let short = encoding == .tcvn3 ? "TCVN3" : encoding.displayName
        return "looks like \(encoding.displayName) text converted to UTF-8 as Latin-1; "
            + "convert it from \(short) with Unikey's converter"
    }

    /// Warnings for valid NFC text that looks like legacy Vietnamese read as Latin-1, or double-encoded UTF-8.
    static func misconversionWarnings(_ text: String) -> [String] {
        isPlainlyVietnamese(text) ? [] : scannedMisconversionWarnings(text)
    }

    /// ``misconversionWarnings(_:)`` without its one-pass shortcut.
    static func scannedMisconversionWarnings(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let vietnamese = scalars.reduce(0) { $0 + (isVietnameseOnlyLetter($1) ? 1 : 0) }
        var warnings: [String] = []
        if vietnamese == 0, scalars.contains(where: { (0xA1...0xFF).contains($0.value) }),
            let encoding = legacyReadAsLatin1(text, scalars: scalars)
        {
            warnings.append(latin1Warning(encoding))
        }
        let doubled = doubleEncodedLetterCount(scalars)
        if doubled >= 2, doubled > vietnamese {
            warnings.append(doubleEncodedWarning)
        }
        return warnings
    }

    /// True when the text has a Vietnamese-only letter and no character that Windows-1252 writes as
    /// a UTF-8 continuation byte: then neither warning can apply (nearly every file, in one pass).
    static func isPlainlyVietnamese(_ text: String) -> Bool {
        var vietnamese = false
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if isVietnameseOnlyLetter(scalar) {
                vietnamese = true
            } else if let byte = windows1252Byte(scalar), byte & 0xC0 == 0x80 {
                return false
            }
        }
        return vietnamese
    }

    /// Letters that only Vietnamese uses, absent from Latin-1 (ă đ ĩ ũ ơ ư and the U+1EA0 block).
    static func isVietnameseOnlyLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0,
            0x1EA0...0x1EF9:
            return true
        default:
            return false
        }
    }

    /// The byte a character has in Windows-1252 (Latin-1 for U+0080…U+00FF), or nil.
    static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value <= 0xFF { return UInt8(scalar.value) }
        return windows1252Reverse[scalar]
    }

    private static let windows1252Reverse: [Unicode.Scalar: UInt8] = {
        var table: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8(0x80)...0x9F {
            let scalar = LegacyEncoding.windows1252Scalar(byte)
            if scalar.value > 0xFF { table[scalar] = byte }
        }
        return table
    }()

    /// The legacy encoding whose reading of the text's Latin-1 bytes is clearly more Vietnamese than the text itself.
    static func legacyReadAsLatin1(_ text: String, scalars: [Unicode.Scalar]) -> LegacyEncoding? {
        var bytes = scalars.map { windows1252Byte($0) ?? 0x20 }
        // A mark standing alone between non-letters ("a · b" in a template) is punctuation, not a
        // mis-converted letter: only marks inside a word count as evidence.
        let original = bytes
        func isWordByte(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b >= 0x80 }
        for i in bytes.indices where bytes[i] >= 0x80 {
            let before = i > 0 && isWordByte(original[i - 1])
            let after = i + 1 < original.count && isWordByte(original[i + 1])
            if !before && !after { bytes[i] = 0x20 }
        }
        let asIs = VietnameseWordScore(of: text)
        var best: (LegacyEncoding, Int)?
        for encoding in [LegacyEncoding.tcvn3, .vni] {
            let score = VietnameseWordScore(of: encoding.decodeForGuessing(bytes))
            if score.valid >= 2, score.net > 0, score.net > asIs.net, score.net > (best?.1 ?? 0) {
                best = (encoding, score.net)
            }
        }
        return best?.0
    }

    /// How many Vietnamese letters appear as their UTF-8 bytes spelled in Windows-1252 ("áº¿" for "ế").
    static func doubleEncodedLetterCount(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var i = 0
        while i < scalars.count {
            guard let lead = windows1252Byte(scalars[i]), (0xC2...0xF4).contains(lead) else {
                i += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard i + length <= scalars.count else { break }
            var sequence: [UInt8] = [lead]
            for k in 1..<length {
                guard let byte = windows1252Byte(scalars[i + k]), byte & 0xC0 == 0x80 else { break }
                sequence.append(byte)
            }
            if sequence.count == length, UTF8Validation.firstInvalidOffset(sequence) == nil,
                let decoded = String(decoding: sequence, as: UTF8.self).unicodeScalars.first,
                isVietnameseLetter(decoded)
            {
                count += 1
                i += length
            } else {
                i += 1
            }
        }
        return count
    }

    /// Letters of Vietnamese text beyond ASCII: Latin-1 accented letters, the Vietnamese-only ones, and tone marks.
    static func isVietnameseLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xC0...0xFF: return scalar.value != 0xD7 && scalar.value != 0xF7
        case 0x300, 0x301, 0x303, 0x309, 0x323: return true
        default: return isVietnameseOnlyLetter(scalar)
        }
    }
}
