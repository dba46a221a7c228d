import CareModel

/// A Swift value that can be sent to PostgreSQL as a text-format bind parameter.
///
/// `sqlText` nil means SQL NULL. The text is what PostgreSQL's input function for the
/// column's type accepts; the server, not carehub, parses it, so no value ever becomes SQL.
public protocol SQLBindable: Sendable {
    /// The parameter's text form, or nil for NULL.
    var sqlText: String? { get }
}

extension String: SQLBindable {
    public var sqlText: String? { self }
}

extension Substring: SQLBindable {
    public var sqlText: String? { String(self) }
}

extension Int: SQLBindable {
    public var sqlText: String? { String(self) }
}

extension Int32: SQLBindable {
    public var sqlText: String? { String(self) }
}

extension Int64: SQLBindable {
    public var sqlText: String? { String(self) }
}

extension Bool: SQLBindable {
    public var sqlText: String? { self ? "true" : "false" }
}

extension Double: SQLBindable {
    /// Shortest round-tripping decimal; NaN and infinities use PostgreSQL's spellings.
    public var sqlText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        return "\(self)"
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlText: String? { self?.sqlText }
}

extension Array: SQLBindable where Element: SQLBindable {
    /// A PostgreSQL array literal (`{"a","b",NULL}`), every element quoted and escaped.
    public var sqlText: String? {
        let items = map { element -> String in
            guard let text = element.sqlText else { return "NULL" }
            var quoted = "\""
            for ch in text {
                if ch == "\"" || ch == "\\" { quoted.append("\\") }
                quoted.append(ch)
            }
            return quoted + "\""
        }
        return "{" + items.joined(separator: ",") + "}"
    }
}

extension LocalDate: SQLBindable {
    public var sqlText: String? { description }
}

extension LocalTime: SQLBindable {
    public var sqlText: String? { description }
}

extension Instant: SQLBindable {
    public var sqlText: String? { description }
}

extension Skill: SQLBindable {
    public var sqlText: String? { code }
}

/// Enumerations stored as their raw text.
public protocol SQLTextEnum: SQLBindable, RawRepresentable where RawValue == String {}

extension SQLTextEnum {
    public var sqlText: String? { rawValue }
}

extension Gender: SQLTextEnum {}
extension TransportMode: SQLTextEnum {}
extension ContractType: SQLTextEnum {}
extension FundingStream: SQLTextEnum {}
extension Priority: SQLTextEnum {}
extension AbsenceKind: SQLTextEnum {}
extension VisitStatus: SQLTextEnum {}
extension RosterStatus: SQLTextEnum {}
extension Weekday: SQLBindable {
    public var sqlText: String? { String(rawValue) }
}
