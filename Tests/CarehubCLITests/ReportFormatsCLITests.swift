import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("carehub report: every report in every format")
struct ReportFormatsCLITests {
    /// A leaving reason and destination holding `"` and `\`, which JSON must escape.
    static let awkward = "pay \"too low\" \\ hours"

    /// Every report but roster-retention (which needs published rosters; its formats are
    /// covered by the renderer tests) runs on a seeded county in table, csv, json and html; the
    /// JSON parses with JSONSerialization (leavers' codes included), tables fit 100 columns,
    /// pages are whole documents. The report names come from `carehub report list`.
    @Test func everyReportEveryFormat() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let url = ["--database-url", test.conninfo]
        #expect(try CLIRunner.run(["demo", "seed", "--hubs", "1", "--clients-per-hub", "20", "--week", "2026-W48"] + url).status == 0)
        let db = try test.connect()
        try db.execute("UPDATE leaving_events SET reason_code = \(Self.awkward), destination_code = \(Self.awkward)")
        let names = try CLIRunner.run(["report", "list"]).stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(names.count == 41)
        for name in names where name != "roster-retention" {
            let scope =
                name == "capacity" || name == "skills"
                ? ["--week", "2026-W47"] : ["--from", "2026-09-01", "--to", "2026-11-22"] + (name == "funnel" ? [] : ["--by", "month"])
            for format in ["table", "csv", "json", "html"] {
                let out = try CLIRunner.run(["report", name] + scope + ["--format", format] + url)
                #expect(out.status == 0, "\(name) \(format): \(out.stderr)")
                switch format {
                case "json":
                    let document = try? JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
                    #expect(document?["rows"] is [Any], "\(name) json does not parse")
                    if name.hasPrefix("leavers-by") { #expect(out.stdout.contains("pay \\\"too low\\\" \\\\ hours"), "\(name)") }
                case "table":
                    let wide = out.stdout.split(separator: "\n").filter { $0.count > 100 && !$0.hasPrefix("    source:") }
                    #expect(wide.isEmpty, "\(name): \(wide.first ?? "")")
                case "csv": #expect(out.stdout.hasSuffix("\r\n"), "\(name)")
                default: #expect(out.stdout.hasPrefix("<!DOCTYPE html>") && out.stdout.hasSuffix("</html>\n"), "\(name)")
                }
            }
        }
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-capacity-\(getpid()).html").path
        defer { try? FileManager.default.removeItem(atPath: page) }
        let written = try CLIRunner.run(["report", "capacity", "--week", "2026-W47", "--format", "html", "--out", page] + url)
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("<svg"))
    }

    /// Options that do not fit the report are usage errors that say which to use.
    @Test func optionsFitTheReport() throws {
        let weekly = try CLIRunner.run(["report", "capacity", "--from", "2026-01-01", "--to", "2026-01-31"])
        #expect(weekly.status == 64 && weekly.stderr.contains("capacity covers one week: use --week"))
        let period = try CLIRunner.run(["report", "turnover", "--week", "2026-W48"])
        #expect(period.status == 64 && period.stderr.contains("turnover covers days: use --from and --to"))
        let missing = try CLIRunner.run(["report", "waiting", "--from", "2026-01-01"])
        #expect(missing.status == 64 && missing.stderr.contains("waiting needs --from and --to"))
        let grain = try CLIRunner.run(["report", "funnel", "--from", "2026-01-01", "--to", "2026-01-31", "--by", "week"])
        #expect(grain.status == 64 && grain.stderr.contains("funnel does not take --by"))
        let help = try CLIRunner.run(["report", "--help"])
        #expect(help.status == 0 && help.stdout.contains("leavers-by-destination") && help.stdout.contains("roster-retention"))
    }
}
