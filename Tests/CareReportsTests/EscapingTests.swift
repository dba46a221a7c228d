import Foundation
import Testing

@testable import CareReports

@Suite("Escaping in CSV, HTML and iCalendar")
struct EscapingTests {
    /// Text cells that a spreadsheet would run as formulas get a leading '; numbers in numeric columns do not.
    @Test func csvNeutralisesFormulasButNotNumbers() throws {
        let rows = [
            ["name", "hours"], ["=cmd|' /C calc'!A0", "-2.5"], ["+1", "12"], ["-2", "-3"], ["@SUM(1)", "1e-05"], ["\tx", "=1+1"],
            ["\rx", "-"], ["Ann", "3.5"],
        ]
        let text = try CSVText.write(rows, numericColumns: [1])
        #expect(
            text
                == "name,hours\r\n'=cmd|' /C calc'!A0,-2.5\r\n'+1,12\r\n'-2,-3\r\n'@SUM(1),1e-05\r\n'\tx,'=1+1\r\n\"'\rx\",'-\r\nAnn,3.5\r\n")
        // Without numeric columns every cell is text; the import writer leaves everything as it is.
        #expect(try CSVText.write([["-2.5"]]) == "'-2.5\r\n")
        #expect(try CSVText.writeVerbatim([["=1", "-2"]]) == "=1,-2\r\n")
        #expect(try CSVText.write([[.text("-1"), .number("-1"), .number("- 1")]]) == "'-1,-1,'- 1\r\n")
        #expect(CSVText.isPlainNumber("12.50") && CSVText.isPlainNumber("-0.5") && CSVText.isPlainNumber("2E+3"))
        #expect(!CSVText.isPlainNumber("1.") && !CSVText.isPlainNumber(".5") && !CSVText.isPlainNumber("1e") && !CSVText.isPlainNumber("--1"))
    }

    /// Report CSV: text cells (a leaving reason, a hub) are neutralised, number cells are not, whatever their sign.
    @Test func reportCSVKeepsNumbersNumeric() throws {
        let report = ReportTable(
            name: "t", title: "T", definition: "d",
            columns: [ReportColumn("reason", "reason", .text), ReportColumn("change", "change", .decimal)],
            rows: [
                [.text("=cmd|' /C calc'!A0"), .number(-2.5)], [.text("-2"), .missing], [.text("@SUM(1)"), .suppressed],
                [.text("<script>x</script>"), .number(1)],
            ],
            suppressesSmallGroups: true)
        let html = ReportHTMLRenderer.render(report)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(try ReportCSVRenderer.render(report) == "reason,change\r\n'=cmd|' /C calc'!A0,-2.5\r\n'-2,\r\n'@SUM(1),\r\n<script>x</script>,1\r\n")
    }

    /// HTML escaping covers every special character, also when a combining mark follows it, and drops control characters.
    @Test func htmlEscapes() {
        #expect(PrintableSheets.esc("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(PrintableSheets.esc("\"'&") == "&quot;&#39;&amp;")
        #expect(PrintableSheets.esc("\"\u{338}") == "&quot;\u{338}")
        #expect(PrintableSheets.esc("<\u{338}") == "&lt;\u{338}")
        #expect(PrintableSheets.esc("a\u{0}b\u{1B}c\u{7F}d\te\r\nf") == "abcd\te\r\nf")
    }

    /// Terminal tables show control characters as U+FFFD, so ESC sequences and line breaks in names do nothing.
    @Test func terminalTablesNeutraliseControlCharacters() {
        var table = TextTable(headers: ["name"])
        table.add(["\u{1B}[2Jx\r\ny\u{7}\u{9B}"])
        #expect(table.render() == "name\n" + String(repeating: "-", count: 10) + "\n\u{FFFD}[2Jx\u{FFFD}\u{FFFD}y\u{FFFD}\u{FFFD}\n")
    }

    /// RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped (CRLF is one Swift
    /// Character), other control characters dropped, long lines folded at 75 octets.
    @Test func icalendarEscapes() {
        #expect(ICalendar.escape("a\\b;c,d") == "a\\\\b\\;c\\,d")
        #expect(ICalendar.escape("Line\r\nbreak\nand\rmore") == "Line\\nbreak\\nand\\nmore")
        #expect(ICalendar.escape("x\r\nEND:VCALENDAR") == "x\\nEND:VCALENDAR")
        #expect(ICalendar.escape("nul\u{0}esc\u{1B}del\u{7F}tab\t") == "nulescdeltab\t")
        let folded = ICalendar.fold("SUMMARY:" + String(repeating: "é", count: 60))
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }
}
