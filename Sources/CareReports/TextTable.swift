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

    /// Adds a row (missing cells print empty); control characters are shown as `�` (`terminalSafe`).
    public mutating func add(_ cells: [String]) {
        rows.append(cells.map(terminalSafe))
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

/// Text for a terminal: every control character (C0 but none kept, DEL, C1) becomes `�`, so a
/// name holding ESC sequences, CR or a line break can neither drive the terminal nor break a
/// table's lines.
public func terminalSafe(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
            out += "\u{FFFD}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Formats minutes as hours with one decimal (`1234` → `20.6`).
public func hours(_ minutes: Int) -> String {
    ReportNumber.fixed(Double(minutes) / 60, 1)
}

/// Formats a ratio as a whole percentage (`0.213` → `21%`).
public func percent(_ ratio: Double) -> String {
    ReportNumber.fixed(ratio * 100, 0) + "%"
}
