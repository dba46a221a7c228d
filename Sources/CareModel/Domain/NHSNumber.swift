/// An NHS number: ten digits whose last is a modulus-11 check digit over the first nine.
///
/// Written with spaces as 3-3-4 ("943 476 5919"); spaces and hyphens in the input are ignored.
/// A number whose check digit would be 10 can never be issued, so it is refused like a typo.
public struct NHSNumber: Hashable, Sendable, CustomStringConvertible {
    /// The ten digits, no separators (how it is stored).
    public let digits: String

    /// The number in `text`, or nil when `problem(text)` names what is wrong.
    public init?(_ text: String) {
        guard Self.problem(text) == nil else { return nil }
        digits = Self.stripped(text)
    }

    /// What is wrong with `text` as an NHS number, in words for a field error; nil when it is one.
    public static func problem(_ text: String) -> String? {
        let digits = stripped(text)
        guard digits.count == 10, digits.allSatisfy(\.isASCIIDigit) else { return "not an NHS number (10 digits)" }
        let values = digits.compactMap(\.wholeNumberValue)
        guard let check = checkDigit(values.prefix(9)) else { return "not an NHS number (no check digit is possible)" }
        return check == values[9] ? nil : "not an NHS number (the check digit does not match)"
    }

    /// The modulus-11 check digit of nine digits: weights 10 down to 2, 11 − (sum mod 11), 11
    /// meaning 0; nil when it would be 10 (such a number is never issued).
    public static func checkDigit<S: Sequence>(_ nine: S) -> Int? where S.Element == Int {
        let sum = zip(nine, stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }

    /// "943 476 5919".
    public var description: String {
        let d = Array(digits)
        return "\(String(d[0..<3])) \(String(d[3..<6])) \(String(d[6..<10]))"
    }

    private static func stripped(_ text: String) -> String { text.filter { $0 != " " && $0 != "-" } }
}
