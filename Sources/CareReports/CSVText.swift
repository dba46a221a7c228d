import CSV
import Foundation

/// RFC 4180 CSV text (CRLF line ends) for every file carehub writes: report tables, rosters,
/// payroll, short-notice lists, sample import files.
///
/// **Formula injection.** Files for people (reports, rosters, payroll) are opened in spreadsheets,
/// which run a cell starting with `=`, `+`, `-` or `@` as a formula (`=cmd|' /C calc'!A0`). So
/// `write` neutralises every *text* cell that starts with one of those, or with a tab or carriage
/// return (OWASP's list), by prefixing `'`: the spreadsheet shows the text as typed.
/// A *number* cell is written as it is, so `-2.5` stays a number a spreadsheet can add up. Which
/// cells are numbers is the caller's decision, never a guess from the text: each writer passes
/// `.number` cells (or the indexes of its numeric columns), and a "number" cell that is not in
/// fact a plain decimal (`-?digits[.digits][e±digits]`) is treated as text. Import files, which
/// carehub itself reads back, use `writeVerbatim`: there a `'` would become part of the data.
public enum CSVText {
    /// One cell: text (neutralised when it could start a formula) or a number (written as it is).
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(String)
    }

    /// Rows of typed cells, text cells neutralised.
    public static func write(_ rows: [[Cell]]) throws -> String {
        try writeVerbatim(rows.map { $0.map(safe) })
    }

    /// Rows of text, every cell neutralised except in `numericColumns` (indexes), whose cells are
    /// numbers when they look like plain numbers. The header row is text like every other.
    public static func write(_ rows: [[String]], numericColumns: Set<Int> = []) throws -> String {
        try write(
            rows.enumerated().map { r, row in
                row.enumerated().map { c, value in r > 0 && numericColumns.contains(c) ? .number(value) : .text(value) }
            })
    }

    /// Rows exactly as given, for files carehub reads back (import files): no neutralising.
    public static func writeVerbatim(_ rows: [[String]]) throws -> String {
        let csv = try CSVWriter(stream: .toMemory(), newline: .crlf)
        for row in rows { try csv.write(row: row) }
        csv.stream.close()
        let data = csv.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        // CSVWriter puts the line break before each row after the first; end with one too.
        return String(decoding: data, as: UTF8.self) + (rows.isEmpty ? "" : "\r\n")
    }

    /// The text a spreadsheet will show as typed.
    static func safe(_ cell: Cell) -> String {
        switch cell {
        case .number(let value) where isPlainNumber(value): return value
        case .number(let value), .text(let value):
            guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
            return "'" + value
        }
    }

    /// `-12`, `3.5`, `1e-05`: what `String(Double)` and the writers' own formatting produce.
    static func isPlainNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst() }
        let mantissa = s.prefix { $0 != "e" && $0 != "E" }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        var exponent = s.dropFirst(mantissa.count)
        if exponent.isEmpty { return true }
        exponent = exponent.dropFirst()
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
