import CareModel
import CareReports
import CareRostering
import CareSample
import CareStore
import CareTestSupport
import Foundation
import Testing

/// Strings an outsider would try, in every text field: SQL, HTML, spreadsheet formulas and control characters.
enum Hostile {
    static let strings = [
        "'; DROP TABLE carers; --", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(1)", "Tab\there",
        "Line\r\nbreak", "Lone\rCR", "Bell\u{7}Esc\u{1B}Del\u{7F}", "\"quoted\", semi; back\\slash", "<b onmouseover=\"x\">'a'</b>",
    ]
}

@Suite("Hostile text")
struct HostileTextTests {
    /// Import ids that would leave a folder are refused, by file, line and column, and nothing is stored.
    @Test func pathLikeIDsAreRefused() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        _ = try importText(db, .hubs, ImportTests.hubs)
        let rows = ["../../x", ".hidden", "a/b", String(repeating: "x", count: 65), "C 1", "C\u{0}1", "Ç1"].map {
            "\"\($0)\",STAF,Ann,Lee,female,52.8,-2.1,permanent,no,20,30,12.71,2024-01-08,,\n"
        }
        do {
            _ = try importText(db, .carers, ImportTests.carerHeader + rows.joined(), name: "carers.csv")
            Issue.record("a path-like id was imported")
        } catch let error as ImportError {
            let text = error.description
            for line in 2...8 { #expect(text.contains("carers.csv:\(line): external_id: "), "line \(line): \(text)") }
            #expect(text.contains("carers.csv:2: external_id: id starts with . (letters, digits, -, _ and . only"))
            #expect(text.contains("carers.csv:4: external_id: id has a character that is not allowed (letters, digits, -, _ and . only"))
            #expect(text.contains("carers.csv:3: external_id: id starts with ."))
            #expect(text.contains("carers.csv:5: external_id: id longer than 64 characters"))
            #expect(text.contains("carers.csv:7: external_id: contains a NUL character"))
            #expect(!text.contains("../../x"), "the hostile value is not echoed")
            #expect(text.contains("nothing was imported"))
        }
        #expect(try db.query("SELECT count(*) AS n FROM carers").rows[0].decode("n", as: Int.self) == 0)
        // References are checked against the same pattern (lendable_to here), without echoing them.
        let issues = importIssues(
            db, .carers, ImportTests.carerHeader + "C1,STAF,Ann,Lee,female,52.8,-2.1,permanent,no,20,30,12.71,2024-01-08,,S/x\n")
        #expect(issues == ["2: lendable_to: id has a character that is not allowed (\(ExternalID.rule))"])
    }

    /// Every hostile string goes in through the real CSV import, comes back from PostgreSQL as it was,
    /// is never run as SQL, and comes out escaped in HTML and iCalendar and neutralised in CSV.
    @Test func hostileStringsRoundTrip() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        let week = ISOWeek(iso: "2026-W48")!
        var c = SampleCountyGenerator.generate(SampleCountySpec(hubs: 1, clientsPerHub: 12, seed: 3, firstWeek: week, weeks: 1))
        let n = Hostile.strings.count
        for i in c.carers.indices {
            c.carers[i].givenName = Hostile.strings[i % n]
            c.carers[i].familyName = Hostile.strings[(i + 1) % n]
        }
        for i in c.clients.indices {
            c.clients[i].givenName = Hostile.strings[i % n]
            c.clients[i].familyName = Hostile.strings[(i + 2) % n]
            c.clients[i].leadProfessional = Hostile.strings[(i + 3) % n]
            c.clients[i].postcode = "<i>ST16;,\\</i> 4ZU"
        }
        let files = try ImportFiles.texts(
            hubs: c.hubs, carers: c.carers, clients: c.clients, packages: c.packages, shifts: c.shifts, absences: c.absences)
        for kind in ImportKind.county { _ = try importText(db, kind, files[kind] ?? "") }

        // Stored verbatim, and the carers table is still there.
        let stored: [String: (String, String)] = Dictionary(
            uniqueKeysWithValues: try db.query("SELECT external_id, given_name, family_name FROM carers").rows.map {
                (try $0.decode("external_id"), (try $0.decode("given_name"), try $0.decode("family_name")))
            })
        #expect(stored.count == c.carers.count)
        for carer in c.carers {
            #expect(stored[carer.externalID]?.0 == carer.givenName && stored[carer.externalID]?.1 == carer.familyName, "\(carer.externalID)")
        }
        let leads: [String?] = try db.query("SELECT lead_professional FROM clients ORDER BY external_id").rows.map {
            try $0.decode("lead_professional")
        }
        #expect(Set(leads.compactMap { $0 }) == Set(Hostile.strings))
        // A second import of the same files changes nothing: what came back equals what went in.
        for kind in [ImportKind.carers, .clients] {
            let again = try importText(db, kind, files[kind] ?? "")
            #expect(again.updated == 0 && again.new == 0, "\(kind)")
        }

        _ = try VisitPlanner(db).plan(week: week)
        _ = try RosterWorkflow.generate(db, hubs: ["STAF"], week: week, search: .init(seed: 1, iterations: 50), actor: "test")
        try RosterWorkflow.publish(db, hub: "STAF", week: week, version: 1, force: false, actor: "test")
        let roster = try #require(try RosterRepository(db).find(hub: "STAF", week: week))
        let handout = try RosterWorkflow.handout(db, roster)
        #expect(!handout.carers.isEmpty)

        // HTML: no tag, attribute or control character from the data survives.
        let pages = handout.carers.map { PrintableSheets.carerSheet(handout, carer: $0) } + [PrintableSheets.hubOverview(handout)]
        for page in pages {
            #expect(!page.contains("<script") && !page.contains("<b ") && !page.contains("<i>") && !page.contains("onmouseover=\""))
            #expect(!page.unicodeScalars.contains { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0x7F })
        }
        #expect(pages.joined().contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(pages.joined().contains("&lt;i&gt;ST16;,\\&lt;/i&gt;"))

        // iCalendar: lines of at most 75 octets, only known properties, names escaped.
        let known =
            ["BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "UID", "DTSTAMP", "DTSTART", "DTEND"]
            + ["SEQUENCE", "SUMMARY", "LOCATION", "DESCRIPTION"]
        for carer in handout.carers {
            let text = ICalendar.calendar(handout, carer: carer, stamp: roster.createdAt)
            let lines = text.components(separatedBy: "\r\n").dropLast()
            #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0x7F })
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
            for line in unfolded {
                let name = String(line.prefix { $0 != ":" })
                #expect(known.contains(name), "unexpected property line \(line)")
            }
        }
        let all = handout.carers.map { ICalendar.calendar(handout, carer: $0, stamp: roster.createdAt) }.joined()
            .replacingOccurrences(of: "\r\n ", with: "")
        #expect(all.contains("LOCATION:<i>ST16\\;\\,\\\\</i>"))
        #expect(all.contains("Line\\nbreak") && all.contains("Lone\\nCR") && all.contains("BellEscDel") && all.contains("Tab\there"))

        // Payroll CSV: text cells that a spreadsheet would run start with ', numbers stay numbers.
        let lines = Payroll.lines(handout, rates: [:]) { _ in 1271 }
        let csv = try CSVText.write(Payroll.rows(lines), numericColumns: Payroll.numericColumns)
        for bad in [",=", ",+", ",-", ",@", ",\"=", ",\"+", ",\"-", ",\"@", ",\"\t", "\r\n=", "\r\n+", "\r\n-", "\r\n@"] {
            #expect(!csv.contains(bad), "a cell starts a formula: \(bad.debugDescription)")
        }
        #expect(csv.contains(",'=cmd|' /C calc'!A0 ") || csv.contains(",\"'=cmd|' /C calc'!A0 "))
    }
}
