import Foundation
// Temporary until the text branch lands.
public enum LegacyEncoding: String, Sendable { case tcvn3, vni, windows1258
  public var displayName: String { rawValue } }
public struct DecodedText: Sendable { public var text: String; public var warnings: [String] }
public enum SourceTextError: Error, Sendable, Equatable { case notUTF8(line: Int, column: Int, likely: LegacyEncoding?) }
public enum SourceText {
  public static func decode(_ data: [UInt8]) -> Result<DecodedText, SourceTextError> {
    guard var s = String(validating: data, as: UTF8.self) else { return .failure(.notUTF8(line: 1, column: 1, likely: nil)) }
    if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
    s = s.replacingOccurrences(of: "\r\n", with: "\n").precomposedStringWithCanonicalMapping
    return .success(DecodedText(text: s, warnings: []))
  }
}
