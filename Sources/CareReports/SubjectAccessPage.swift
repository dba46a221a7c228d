import Foundation

/// The printable page of a subject access export (`carehub record export`): every section of the
/// JSON document in order, objects as two-column tables, lists of objects as tables with a column
/// per field, so nothing the JSON holds is left off the page. Self-contained, prints on A4.
public enum SubjectAccessPage {
    /// The sections in the order the person reads them.
    static let order = [
        "person", "record", "care_plan", "notes", "lead_professionals", "journey", "handovers", "hospital_discharges", "care_packages",
        "visits", "absences", "carer_preferences", "break_glass", "audit",
    ]

    /// A JSON value as the export holds it.
    indirect enum Value: Decodable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case list([Value])
        case object([String: Value])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if let l = try? c.decode([Value].self) {
                self = .list(l)
            } else {
                self = .object(try c.decode([String: Value].self))
            }
        }
    }

    /// The page for the export's JSON text; nil when it is not a JSON object.
    public static func render(json: String, client: String) -> String? {
        guard case .object(let document)? = try? JSONDecoder().decode(Value.self, from: Data(json.utf8)) else { return nil }
        let generated = document["generated_at"].map(text) ?? ""
        let zone = document["time_zone"].map(text).map { " (local dates in \($0))" } ?? ""
        var body = "<h1>Everything carehub holds about \(PrintableSheets.esc(client))</h1>"
        body += "<p class=\"muted\">Subject access export, \(PrintableSheets.esc(generated)); times in UTC\(PrintableSheets.esc(zone)).</p>"
        let rest = document.keys.filter { !order.contains($0) && !["format", "generated_at", "time_zone"].contains($0) }.sorted()
        for key in order.filter({ document[$0] != nil }) + rest {
            body += "<h2>\(PrintableSheets.esc(title(key)))</h2>" + block(document[key] ?? .null)
        }
        return PrintableSheets.page("Subject access: \(client)", body)
    }

    /// A section or field name as words: "care_plan" → "Care plan".
    static func title(_ key: String) -> String {
        let words = key.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A section: an object as a two-column table, a list of objects as a table with a column per
    /// field, anything else as a paragraph.
    static func block(_ v: Value) -> String {
        switch v {
        case .object(let object):
            let rows = object.keys.sorted().map { k in "<tr><th>\(PrintableSheets.esc(title(k)))</th><td>\(cell(object[k] ?? .null))</td></tr>" }
            return "<table>\(rows.joined())</table>"
        case .list(let list) where list.isEmpty:
            return "<p class=\"muted\">None.</p>"
        case .list(let list):
            let objects = list.compactMap { item -> [String: Value]? in
                if case .object(let o) = item { return o }
                return nil
            }
            guard objects.count == list.count else { return "<p>\(PrintableSheets.esc(text(v)))</p>" }
            let columns = Array(Set(objects.flatMap(\.keys))).sorted()
            let head = columns.map { "<th>\(PrintableSheets.esc(title($0)))</th>" }.joined()
            let rows = objects.map { o in "<tr>" + columns.map { "<td>\(cell(o[$0] ?? .null))</td>" }.joined() + "</tr>" }
            return "<table><tr>\(head)</tr>\(rows.joined())</table>"
        case .null:
            return "<p class=\"muted\">None recorded.</p>"
        default:
            return "<p>\(PrintableSheets.esc(text(v)))</p>"
        }
    }

    /// A value inside a table cell: nested objects and lists of objects as tables.
    static func cell(_ v: Value) -> String {
        switch v {
        case .object: return block(v)
        case .list(let list) where list.contains(where: { if case .object = $0 { true } else { false } }): return block(v)
        default: return PrintableSheets.esc(text(v))
        }
    }

    static func text(_ v: Value) -> String {
        switch v {
        case .null: ""
        case .bool(let b): b ? "yes" : "no"
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): s
        case .list(let l): l.map(text).joined(separator: ", ")
        case .object(let o): o.keys.sorted().map { "\($0): \(text(o[$0] ?? .null))" }.joined(separator: "; ")
        }
    }
}
