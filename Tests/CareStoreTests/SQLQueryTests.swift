import CareStore
import Testing

/// Composition of queries without string building (no database needed).
@Suite struct SQLQueryTests {
    @Test func interpolatedFragmentIsRenumbered() {
        let hub = "STAF"
        let condition: SQLQuery = "h.code = \(hub) AND v.minutes > \(30)"
        let query: SQLQuery = "SELECT 1 FROM visits v WHERE v.day = \("2026-12-01") AND \(condition) LIMIT \(5)"
        #expect(query.sql == "SELECT 1 FROM visits v WHERE v.day = $1 AND h.code = $2 AND v.minutes > $3 LIMIT $4")
        #expect(query.binds == ["2026-12-01", "STAF", "30", "5"])
    }

    @Test func plusAppendsAndRenumbers() {
        let a: SQLQuery = "SELECT \(1), \(2)"
        let b: SQLQuery = " UNION SELECT \(3), \(nil as Int?)"
        let joined = a + b
        #expect(joined.sql == "SELECT $1, $2 UNION SELECT $3, $4")
        #expect(joined.binds == ["1", "2", "3", nil])
    }

    @Test func rawPlaceholdersInAppendedTextAreShifted() {
        let raw = SQLQuery(unsafeSQL: "x = $1 AND y = $2 AND z = '$'", binds: ["a", "b"])
        let joined = "SELECT \(0) WHERE " + raw
        #expect(joined.sql == "SELECT $1 WHERE x = $2 AND y = $3 AND z = '$'")
        #expect(joined.binds == ["0", "a", "b"])
    }

    @Test func identifiersAreCheckedAndQuoted() {
        #expect(SQLIdentifier("carehub_report_turnover") != nil)
        #expect(SQLIdentifier("Robert'); DROP TABLE carers;--") == nil)
        #expect(SQLIdentifier("") == nil)
        #expect(SQLIdentifier("1abc") == nil)
        #expect(SQLIdentifier(String(repeating: "a", count: 64)) == nil)
        let function = SQLIdentifier("carehub_report_turnover")!
        let query: SQLQuery = "SELECT * FROM \(function)(\("2026-01-01")::date)"
        #expect(query.sql == "SELECT * FROM \"carehub_report_turnover\"($1::date)")
    }
}
