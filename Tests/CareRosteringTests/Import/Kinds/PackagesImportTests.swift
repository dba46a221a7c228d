import CareStore
import CareTestSupport
import Foundation
import Testing

@testable import CareRostering

@Suite("packages.csv")
struct PackagesImportTests {
    static let header = "package,client,valid_from,weekday,window_start,window_end,duration_minutes,carers\n"

    /// Rows of one package are one write on its first line; a row that moves the package to
    /// another validity is named against that line.
    @Test func rowsOfAPackageAreOneWrite() throws {
        let text = Self.header + "K1,P1,2026-01-01,Mon,08:00,09:00,30,\nK2,P1,2026-01-01,2,08:00,09:00,30,2\nK1,P1,2026-01-01,Tue,08:00,09:00,30,\n"
        let parsed = try parse(PackagesImport.self, text)
        #expect(parsed.issues.isEmpty)
        #expect(parsed.writes.map(\.line) == [2, 3])
        let moved =
            Self.header + "K1,P1,2026-01-01,Mon,08:00,09:00,30,\nK1,P1,2026-02-01,Tue,08:00,09:00,30,4\nK1,P1,2026-02-01,Wed,08:00,09:00,30,\n"
        #expect(
            try issues(PackagesImport.self, moved) == [
                "3: carers: must be 1…3",
                "4: client: client or validity differs from line 2 of the same package",
            ])
    }

    static let linkedHeader =
        "package,client,valid_from,weekday,window_start,window_end,duration_minutes,call,late_allowed_minutes,time_critical,follows,"
        + "min_gap_minutes,max_gap_minutes,different_carers\n"

    /// The optional columns: a time-critical morning dose, a lunchtime call that may be 30 minutes
    /// late and follows the morning one by 4–6 hours with another carer. Old files still import;
    /// importing the same file again changes nothing.
    @Test func lateCriticalAndLinkedCallsImport() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        _ = try importText(db, .hubs, ImportTests.hubs)
        _ = try importText(db, .clients, MarketImportTests.clients)
        #expect(try importText(db, .packages, MarketImportTests.packages).new == 1)
        let text =
            Self.linkedHeader
            + "K2,P2,2026-01-05,Mon,08:00,09:00,30,am,,yes,,,,\n"
            + "K2,P2,2026-01-05,Mon,12:00,13:00,30,lunch,30,,am,240,360,yes\n"
            + "K2,P2,2026-01-05,Tue,08:00,09:00,30,am,0,yes,,,,\n"
            + "K2,P2,2026-01-05,Tue,12:00,13:00,30,lunch,30,no,am,240,360,yes\n"
        #expect(try importText(db, .packages, text).new == 1)
        #expect(try importText(db, .packages, text).unchanged == 1)
        let (calls, links) = try PackageRepository(db).terms(package: "K2")
        #expect(
            calls == [
                PackageCallTerms(label: "am", lateAllowedMinutes: 0, timeCritical: true),
                PackageCallTerms(label: "lunch", lateAllowedMinutes: 30, timeCritical: false),
                PackageCallTerms(label: "am", lateAllowedMinutes: 0, timeCritical: true),
                PackageCallTerms(label: "lunch", lateAllowedMinutes: 30, timeCritical: false),
            ])
        #expect(links == [PackageLink(firstCall: "am", secondCall: "lunch", minGapMinutes: 240, maxGapMinutes: 360, differentCarers: true)])
        #expect(try PackageRepository(db).terms(package: "K1").calls == [PackageCallTerms()])
        // Changing a gap updates the package.
        #expect(try importText(db, .packages, text.replacingOccurrences(of: "240,360", with: "230,360")).updated == 1)
    }

    /// Bad values in the new columns are named by line and column, and nothing is written.
    @Test func badLateAndLinkValuesAreLocated() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        _ = try importText(db, .hubs, ImportTests.hubs)
        _ = try importText(db, .clients, MarketImportTests.clients)
        let text =
            Self.linkedHeader
            + "K3,P2,2026-01-05,Mon,08:00,09:00,30,am,800,,,,,\n"
            + "K3,P2,2026-01-05,Mon,12:00,13:00,30,pm,15,yes,,,,\n"
            + "K3,P2,2026-01-05,Mon,16:00,17:00,30,tea,,,am,240,,\n"
            + "K3,P2,2026-01-05,Tue,16:00,17:00,30,tea,,,,120,,\n"
            + "K3,P2,2026-01-05,Wed,16:00,17:00,30,,,,am,360,240,maybe\n"
            + "K4,P2,2026-01-05,Tue,08:00,09:00,30,am,,,,,,\n"
            + "K4,P2,2026-01-05,Tue,12:00,13:00,30,pm,,,ghost,60,120,\n"
            + "K4,P2,2026-01-05,Tue,18:00,19:00,30,am,,,,,,\n"
            + "K4,P2,2026-01-05,Wed,18:00,19:00,30,tea,,,tea,0,10,\n"
        #expect(
            importIssues(db, .packages, text) == [
                "2: late_allowed_minutes: must be 0…720",
                "3: late_allowed_minutes: a time-critical call may not start late",
                "4: max_gap_minutes: required",
                "5: min_gap_minutes: only with follows",
                "6: different_carers: expected yes or no",
                "6: max_gap_minutes: below min_gap_minutes",
                "6: call: required with follows (the label of this call)",
                "9: call: call am on this weekday is on line 7 too",
                "10: follows: a call cannot follow itself",
                "8: follows: no call ghost in package K4",
            ])
        #expect(try db.query("SELECT count(*) AS n FROM care_packages").rows[0].decode("n", as: Int.self) == 0)
    }
}
