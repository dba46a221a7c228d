import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("carehub travel")
struct TravelCLITests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CareStoreTests/Travel/river-town.osm").path

    /// The example county's carers (what scripts/demo imports) read with their transport: a
    /// walker, a cyclist and a bus user among drivers.
    @Test func exampleCarersImportWithTransport() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = ["--database-url", test.conninfo]
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples")
        for kind in ["hubs", "carers"] {
            let imported = try CLIRunner.run(["import", kind, examples.appendingPathComponent("\(kind).csv").path] + db)
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let modes: [String] = try test.connect().query("SELECT transport || ' ' || count(*) AS m FROM carers GROUP BY transport ORDER BY 1").rows
            .map { try $0.decode("m") }
        #expect(modes == ["car 190", "cycle 1", "public 1", "walk 1"])
    }

    /// A hub's transport settings shown and set; bad values refused before anything runs; a
    /// network loaded; a hub whose homes lie outside it named and nothing stored; generate
    /// saying why it keeps straight-line travel.
    @Test func modesLoadMatrixAndGenerate() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = ["--database-url", test.conninfo]
        func run(_ args: [String], environment: [String: String?] = [:]) throws -> CLIRunner.Output {
            try CLIRunner.run(args + db, environment: environment)
        }
        #expect(try run(["demo", "seed", "--hubs", "1", "--clients-per-hub", "4", "--week", "2026-W48", "--weeks", "1"]).status == 0)
        let shown = try run(["travel", "modes", "--hub", "STAF"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("walk") && shown.stdout.contains("4.8") && shown.stdout.contains("by road"), "\(shown.stdout)")
        let set = try run(["travel", "modes", "--hub", "STAF", "--mode", "walk", "--speed-kmh", "4.2", "--overhead-minutes", "1"])
        #expect(set.status == 0 && set.stdout.contains("4.2"), "\(set.stdout)\(set.stderr)")
        let carSpeed = try run(["travel", "modes", "--hub", "STAF", "--mode", "car", "--speed-kmh", "30"])
        #expect(carSpeed.status == 64 && carSpeed.stderr.contains("a car's speed is not a hub setting"), "\(carSpeed.stderr)")
        let access = try run(["travel", "modes", "--hub", "STAF", "--mode", "walk", "--access-minutes", "5"])
        #expect(access.status == 64 && access.stderr.contains("only public transport walks to stops"))
        let unknownHub = try run(["travel", "modes", "--hub", "NOPE"])
        #expect(unknownHub.status == 1 && unknownHub.stderr.contains("no hub with code NOPE"))

        let noNetwork = try run(["travel", "matrix", "--hub", "STAF"])
        #expect(noNetwork.status == 1 && noNetwork.stderr.contains("no road network is loaded"), "\(noNetwork.stderr)")
        let missing = try run(["travel", "load", "/nonexistent/county.osm"])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/county.osm: no such file"))
        let acting = try run(["travel", "load", Self.fixture], environment: ["CAREHUB_AS": "someone@example.org"])
        #expect(acting.status == 1 && acting.stderr.contains("runs as the administration login"))
        let loaded = try run(["travel", "load", Self.fixture])
        #expect(loaded.status == 0 && loaded.stdout.contains("loaded river-town.osm:"), "\(loaded.stdout)\(loaded.stderr)")

        // The sample hub is in Stafford, 30 km from the little town of the extract.
        let far = try run(["travel", "matrix", "--hub", "STAF"])
        #expect(far.status == 1, "\(far.stdout)")
        #expect(
            far.stderr.contains("over 1000 m from the nearest junction or end of a way a driver may use")
                && far.stderr.contains("no minutes were stored"), "\(far.stderr)")
        #expect(!far.stderr.contains("52.") && !far.stderr.contains("ST16"), "no coordinates or postcodes in errors")

        #expect(try run(["visits", "plan", "--week", "2026-W48"]).status == 0)
        let generated = try run(["roster", "generate", "--hub", "STAF", "--week", "2026-W48", "--iterations", "50", "--quiet"])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stderr.contains("road travel: some places have no cached minutes by car"), "\(generated.stderr)")
        #expect(generated.stderr.contains("carehub travel matrix --hub STAF"))
    }
}
