/// Renders rows as an aligned plain-text table for terminals (numbers right-aligned).
///
/// Hand-written: none of the packages available to carehub renders tables, and this needs
/// only column widths.
public struct TextTable: Sendable {
    /// Column headings.
    public let headers: [String]
    /// Which columns are right-aligned (numbers).
    public let rightAligned: Set<Int>
    /// Cell texts, one array per row.
    public private(set) var rows: [[String]] = []

    /// A table with headings; columns listed in `rightAligned` are aligned right.
    public init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    /// Adds a row (missing cells print empty).
    public mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// The table, with a rule under the headings; ends with a newline.
    public func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { col in all.map { $0.count > col ? $0[col].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            headers.indices.map { col -> String in
                let text = cells.count > col ? cells[col] : ""
                let padding = String(repeating: " ", count: widths[col] - text.count)
                return rightAligned.contains(col) ? padding + text : text + padding
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        var out = line(headers) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// Formats minutes as hours with one decimal (`1234` → `20.6`).
public func hours(_ minutes: Int) -> String {
    ReportNumber.fixed(Double(minutes) / 60, 1)
}

/// Formats a ratio as a whole percentage (`0.213` → `21%`).
public func percent(_ ratio: Double) -> String {
    ReportNumber.fixed(ratio * 100, 0) + "%"
}
