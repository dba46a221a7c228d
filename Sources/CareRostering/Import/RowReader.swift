import CareModel
import Foundation

/// Reads typed fields from one CSV record, collecting an issue per bad field.
struct RowReader {
    let record: CSVFile.Record
    var issues: [FieldIssue] = []

    init(_ record: CSVFile.Record) { self.record = record }

    mutating func fail(_ column: String, _ problem: String) {
        issues.append(FieldIssue(line: record.line, field: column, problem: problem))
    }

    /// A required text field (nil, with an issue, when blank).
    mutating func text(_ column: String) -> String? {
        let value = record[column]
        if value.isEmpty {
            fail(column, "required")
            return nil
        }
        return value
    }

    /// A required identifier (`ExternalID`'s pattern); nil, with an issue, when blank or malformed.
    mutating func id(_ column: String) -> String? {
        guard let value = text(column) else { return nil }
        if let problem = ExternalID.problem(value) {
            fail(column, problem)
            return nil
        }
        return value
    }

    /// An optional identifier (nil when blank, or malformed with an issue).
    mutating func optionalID(_ column: String) -> String? {
        record[column].isEmpty ? nil : id(column)
    }

    /// A `;`-separated list of identifiers (blank: empty); each malformed one is an issue and left out.
    mutating func ids(_ column: String) -> [String] {
        list(column).filter { value in
            guard let problem = ExternalID.problem(value) else { return true }
            fail(column, problem)
            return false
        }
    }

    /// An optional text field (nil when blank).
    func optionalText(_ column: String) -> String? {
        let value = record[column]
        return value.isEmpty ? nil : value
    }

    mutating func date(_ column: String, required: Bool = true) -> LocalDate? {
        let value = record[column]
        if value.isEmpty {
            if required { fail(column, "required") }
            return nil
        }
        guard let d = LocalDate(iso: value) else {
            fail(column, "bad date (expected YYYY-MM-DD)")
            return nil
        }
        return d
    }

    mutating func time(_ column: String) -> LocalTime? {
        let value = record[column]
        if value.isEmpty {
            fail(column, "required")
            return nil
        }
        guard let t = LocalTime(iso: value) else {
            fail(column, "bad time (expected HH:MM)")
            return nil
        }
        return t
    }

    mutating func int(_ column: String, in range: ClosedRange<Int>, default fallback: Int? = nil) -> Int? {
        let value = record[column]
        if value.isEmpty {
            if fallback == nil { fail(column, "required") }
            return fallback
        }
        guard let n = Int(value) else {
            fail(column, "not a whole number")
            return nil
        }
        guard range.contains(n) else {
            fail(column, "must be \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return n
    }

    /// A decimal number (hours, pounds, degrees).
    mutating func number(_ column: String, in range: ClosedRange<Double>) -> Double? {
        let value = record[column]
        if value.isEmpty {
            fail(column, "required")
            return nil
        }
        guard let x = Double(value), x.isFinite else {
            fail(column, "not a number")
            return nil
        }
        guard range.contains(x) else {
            fail(column, "must be \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return x
    }

    /// A decimal number that may be blank (nil then).
    mutating func optionalNumber(_ column: String, in range: ClosedRange<Double>) -> Double? {
        record[column].isEmpty ? nil : number(column, in: range)
    }

    mutating func bool(_ column: String, default fallback: Bool = false) -> Bool {
        switch record[column].lowercased() {
        case "": return fallback
        case "true", "yes", "y", "1": return true
        case "false", "no", "n", "0": return false
        default:
            fail(column, "expected yes or no")
            return fallback
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, default fallback: T? = nil) -> T?
    where T.RawValue == String {
        let value = record[column].lowercased()
        if value.isEmpty {
            if fallback == nil { fail(column, "required") }
            return fallback
        }
        guard let v = T(rawValue: value) else {
            fail(column, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return v
    }

    /// A `;`-separated list (blank: empty).
    func list(_ column: String) -> [String] {
        record[column].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    mutating func skills(_ column: String) -> [Skill] {
        list(column).compactMap { code in
            guard let s = Skill(code) else {
                fail(column, "unknown skill format \(code) (lower-case letters, digits and _)")
                return nil
            }
            return s
        }
    }

    mutating func point(_ lat: String, _ lon: String) -> GeoPoint? {
        guard let la = number(lat, in: -90...90), let lo = number(lon, in: -180...180) else { return nil }
        return GeoPoint(latitude: la, longitude: lo)
    }
}
