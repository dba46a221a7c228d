import CareModel

/// A Swift type that can be read from PostgreSQL's text output format.
public protocol SQLDecodable: Sendable {
    /// The value, or nil when the text is not of this type.
    init?(sqlText: String)
}

extension String: SQLDecodable {
    public init?(sqlText: String) { self = sqlText }
}

extension Int: SQLDecodable {
    public init?(sqlText: String) { self.init(sqlText) }
}

extension Int32: SQLDecodable {
    public init?(sqlText: String) { self.init(sqlText) }
}

extension Int64: SQLDecodable {
    public init?(sqlText: String) { self.init(sqlText) }
}

extension Double: SQLDecodable {
    public init?(sqlText: String) {
        switch sqlText {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default: self.init(sqlText)
        }
    }
}

extension Bool: SQLDecodable {
    public init?(sqlText: String) {
        switch sqlText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

extension LocalDate: SQLDecodable {
    public init?(sqlText: String) { self.init(iso: sqlText) }
}

extension LocalTime: SQLDecodable {
    public init?(sqlText: String) { self.init(iso: sqlText) }
}

extension Instant: SQLDecodable {
    /// Reads `timestamptz` output in the ISO DateStyle the connection sets:
    /// `2026-11-23 07:30:00+00`, `…:00.123456+05:30`, `…:00-03:00:28` (historic offsets).
    public init?(sqlText: String) {
        guard let instant = TimestampParser.parse(sqlText) else { return nil }
        self = instant
    }
}

extension Array: SQLDecodable where Element: SQLDecodable {
    /// Reads a one-dimensional array literal: `{a,"b c",NULL}`. NULL elements are refused.
    public init?(sqlText: String) {
        guard let items = ArrayLiteralParser.parse(sqlText) else { return nil }
        var values: [Element] = []
        values.reserveCapacity(items.count)
        for item in items {
            guard let text = item, let value = Element(sqlText: text) else { return nil }
            values.append(value)
        }
        self = values
    }
}

/// Enumerations read from their raw text.
extension SQLTextEnum {
    public init?(sqlText: String) { self.init(rawValue: sqlText) }
}

extension Gender: SQLDecodable {}
extension TransportMode: SQLDecodable {}
extension ContractType: SQLDecodable {}
extension FundingStream: SQLDecodable {}
extension Priority: SQLDecodable {}
extension AbsenceKind: SQLDecodable {}
extension VisitStatus: SQLDecodable {}
extension RosterStatus: SQLDecodable {}

extension Skill: SQLDecodable {
    public init?(sqlText: String) { self.init(sqlText) }
}
