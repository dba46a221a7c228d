import CareReports
import Testing

@Suite("Report numbers")
struct ReportNumberTests {
    /// Fixed decimals round halves away from zero (as PostgreSQL's round does) and keep the sign.
    @Test func fixedDecimals() {
        #expect(ReportNumber.fixed(21.45, 1) == "21.5")
        #expect(ReportNumber.fixed(0.125, 2) == "0.13")
        #expect(ReportNumber.fixed(-75, 1) == "-75.0")
        #expect(ReportNumber.fixed(-0.04, 1) == "0.0")
        #expect(ReportNumber.fixed(2.5, 0) == "3")
        #expect(ReportNumber.fixed(32.1, 2) == "32.10")
    }

    /// Plain numbers drop a whole number's decimals and keep a fraction exactly; tenths round.
    @Test func plainAndTenths() {
        #expect(ReportNumber.plain(14) == "14")
        #expect(ReportNumber.plain(0.43) == "0.43")
        #expect(ReportNumber.tenths(7.25) == "7.3")
        #expect(ReportNumber.tenths(25) == "25")
    }
}
