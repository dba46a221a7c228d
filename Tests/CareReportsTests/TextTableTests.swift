import CareReports
import Testing

@Suite("Text table")
struct TextTableTests {
    /// The text table aligns columns and right-aligns numbers.
    @Test func textTableAligns() {
        var table = TextTable(headers: ["hub", "n"], rightAligned: [1])
        table.add(["LONGNAME", "5"])
        table.add(["A", "123"])
        #expect(table.render() == "hub         n\n--------  ---\nLONGNAME    5\nA         123\n")
        #expect(hours(90) == "1.5")
        #expect(percent(0.213) == "21%")
    }
}
