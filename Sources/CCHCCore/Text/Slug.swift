import Foundation

/// Turns Vietnamese (or any) text into the URL-safe slugs used for ids, URLs and heading anchors.
///
/// The steps are those of the domain guide: NFC, then NFD, drop combining marks, `đ` → `d`,
/// lower case, runs of anything but ASCII letters and digits → `-`, trim, at most 64 characters.
public enum Slug {
    /// The longest slug the content format allows.
    public static let maximumLength = 64

    /// Makes the slug of `text`: "Sở Thông tin và Truyền thông" → `so-thong-tin-va-truyen-thong`.
    public static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let mapped: Unicode.Scalar
            switch scalar {
            case "đ", "Đ": mapped = "d"
            default: mapped = scalar
            }
            let value = mapped.value
            if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(mapped)
            } else if (0x41...0x5A).contains(value) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(Unicode.Scalar(value + 0x20)!)
            } else {
                pendingDash = true
            }
        }
        var slug = String(out)
        if slug.count > maximumLength {
            slug = String(slug.prefix(maximumLength))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug
    }

    /// Whether `text` is a valid id: lowercase ASCII letters, digits and `-`, 1 to 64 characters.
    public static func isValidID(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumLength else { return false }
        return text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D
        }
    }
}
