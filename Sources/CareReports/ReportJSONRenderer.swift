import CareModel
import Foundation

/// A report as JSON, encoded by `JSONEncoder` (never assembled by hand, so every string is
/// escaped): the long form, each row an object keyed by column, numbers as numbers, suppressed
/// and unknown figures as null, keys sorted so output is stable.
public enum ReportJSONRenderer {
    public static func render(_ report: ReportTable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(report)), as: UTF8.self) + "\n"
    }

    /// The document's shape: `report`, `title`, `definition`, `columns`, `rows`, `anchors`,
    /// `suppresses_small_groups`, `footnotes`.
    struct Document: Encodable {
        let report: String, title: String, definition: String
        let columns: [Column]
        let rows: [[String: Value]]
        let anchors: [Anchor]
        let suppressesSmallGroups: Bool
        let footnotes: [String]

        enum CodingKeys: String, CodingKey {
            case report, title, definition, columns, rows, anchors, footnotes
            case suppressesSmallGroups = "suppresses_small_groups"
        }

        init(_ r: ReportTable) {
            (report, title, definition) = (r.name, r.title, r.definition)
            (footnotes, suppressesSmallGroups) = (r.footnotes, r.suppressesSmallGroups)
            columns = r.columns.map { Column(name: $0.key, heading: $0.heading, kind: $0.kind.rawValue, unit: $0.unit) }
            rows = r.rows.map { row in
                Dictionary(uniqueKeysWithValues: zip(r.columns, row).map { column, cell in (column.key, Value(cell, column.kind)) })
            }
            anchors = r.anchors.map {
                Anchor(metric: $0.metric, scope: $0.scope, value: $0.value, unit: $0.unit, period: $0.period, source: $0.source)
            }
        }
    }

    struct Column: Encodable { let name: String, heading: String, kind: String, unit: String? }
    struct Anchor: Encodable { let metric: String, scope: String, value: Double, unit: String, period: String, source: String }

    /// A cell: a string, an integer (for whole-number columns), a number or null.
    enum Value: Encodable {
        case text(String)
        case int(Int)
        case number(Double)
        case null

        init(_ cell: ReportCell, _ kind: ReportColumnKind) {
            switch cell {
            case .text(let s): self = .text(s)
            case .number(let x) where kind == .int && x == x.rounded() && abs(x) < 1e15: self = .int(Int(x))
            case .number(let x): self = .number(x)
            case .suppressed, .missing: self = .null
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .text(let s): try c.encode(s)
            case .int(let n): try c.encode(n)
            case .number(let x): try c.encode(x)
            case .null: try c.encodeNil()
            }
        }
    }
}
