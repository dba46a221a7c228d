import CareModel
import CareStore
import CareTestSupport
import Foundation
import Testing

/// The hand-written town of `river-town.osm` (its header shows the map and the arithmetic),
/// loaded with the real osm2pgrouting into the test database and routed with the real
/// pgRouting: minutes per mode between places whose answers are worked out by hand.
@Suite("Road travel from OpenStreetMap")
struct RoadTravelTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("river-town.osm").path

    static func place(_ id: String, _ lat: Double, _ lon: Double) -> TravelPlace {
        TravelPlace(.client(id), GeoPoint(latitude: lat, longitude: lon)!)
    }

    static let north = place("P_north", 53.10105, -2.03005)
    static let south = place("P_south", 53.09895, -2.03000)
    static let onewayA = place("P_oneway_a", 53.10100, -2.02400)
    static let onewayB = place("P_oneway_b", 53.10280, -2.02400)
    static let junction = place("P_junction", 53.10100, -2.00000)
    static let motorwayEnd = place("P_motorway_end", 53.10100, -1.97000)
    static let riverside = place("P_riverside", 53.10030, -2.03000)
    static let island = place("P_island", 53.09510, -2.03950)
    static let far = place("P_far", 53.08500, -2.06000)
    static let town = [north, south, onewayA, onewayB, junction, motorwayEnd, riverside]

    /// A migrated database with the fixture loaded and hub LEEK, whose cache the minutes go in.
    static func loaded() throws -> (TestDatabase, Connection) {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).upsert(Hub(code: "LEEK", name: "Leek", location: north.location))
        let summary = try RoadNetworkLoader(db).load(file: fixture)
        #expect(summary.ways > 30 && summary.vertices > 30)
        return (test, db)
    }

    /// Minutes among `places` by `mode`, computed and read back.
    static func minutes(_ db: Connection, _ places: [TravelPlace], _ mode: TransportMode, speed: Double? = nil) throws -> [[Int]] {
        try db.transaction { db in
            let repository = RoadTravelRepository(db)
            _ = try repository.computeMinutes(between: places, mode: mode, hub: "LEEK")
            return try #require(
                try repository.cachedMinutes(
                    between: places, mode: mode, speedKmh: speed ?? TransportSettings.defaults[mode].speedKmh, hub: "LEEK"))
        }
    }

    /// The bridge detour for a car, the footbridge for a walker, the one-way street, the
    /// motorway only drivers may use, and the nearest usable vertex per mode.
    @Test func handComputedMinutes() throws {
        let (test, db) = try Self.loaded()
        defer { withExtendedLifetime(test) {} }
        let p = Self.town
        func at(_ m: [[Int]], _ a: TravelPlace, _ b: TravelPlace) -> Int { m[p.firstIndex(of: a)!][p.firstIndex(of: b)!] }
        let car = try Self.minutes(db, p, .car)
        let walk = try Self.minutes(db, p, .walk)
        let cycle = try Self.minutes(db, p, .cycle)
        let bus = try Self.minutes(db, p, .public)
        // Across the river: 222 m apart; the car goes round by the one road bridge (344.9 s),
        // the walker over the footbridge (166.9 s), bikes may not use the footway (535.7 s).
        #expect(at(car, Self.north, Self.south) == 6 && at(car, Self.south, Self.north) == 6)
        #expect(at(walk, Self.north, Self.south) == 3)
        #expect(at(cycle, Self.north, Self.south) == 9)
        #expect(at(bus, Self.north, Self.south) == 8)
        // The one-way street: 32.0 s with it, 85.5 s round the block; walkers may walk against it.
        #expect(at(car, Self.onewayA, Self.onewayB) == 1 && at(car, Self.onewayB, Self.onewayA) == 2)
        #expect(at(walk, Self.onewayA, Self.onewayB) == 3 && at(walk, Self.onewayB, Self.onewayA) == 3)
        #expect(at(cycle, Self.onewayA, Self.onewayB) == 1 && at(cycle, Self.onewayB, Self.onewayA) == 3)
        // The one-way motorway (64.6 s) for drivers; walkers and cyclists take Old Road (2127.9 s on foot).
        #expect(at(car, Self.junction, Self.motorwayEnd) == 2 && at(car, Self.motorwayEnd, Self.junction) == 5)
        #expect(at(walk, Self.junction, Self.motorwayEnd) == 36 && at(cycle, Self.junction, Self.motorwayEnd) == 12)
        #expect(at(bus, Self.junction, Self.motorwayEnd) == 7 && at(bus, Self.motorwayEnd, Self.junction) == 10)
        // A walker snaps to the footbridge's end, 11 m away; a driver to North Street's corner,
        // 78 m away. The way from each door to its vertex counts at the mode's speed (a car's
        // 25 km/h, 6.94 m/s): on foot 116.9 s + (11.13 + 5.56 m) / 1.333 = 129.4 s; by car
        // 344.9 s + (77.90 + 5.56 m) / 6.94 = 356.9 s. P_riverside and P_north share a car
        // vertex yet are not 0 apart: (77.90 + 6.49 m) / 6.94 = 12.2 s, and on foot
        // 50.1 s + (11.13 + 6.49 m) / 1.333 = 63.3 s.
        #expect(at(walk, Self.riverside, Self.south) == 3 && at(car, Self.riverside, Self.south) == 6)
        #expect(at(car, Self.riverside, Self.north) == 1 && at(walk, Self.riverside, Self.north) == 2)
        // A hub's slower walkers: the same route at 4 km/h instead of 4.8 (166.9 s × 1.2 = 200.3 s).
        #expect(at(try Self.minutes(db, p, .walk, speed: 4.0), Self.north, Self.south) == 4)
    }

    /// Places beyond the snap limit store nothing and are named; so are places no car can
    /// travel between. On foot, a pair with no route is stored as such: a day's travel.
    @Test func farAndUnreachablePlaces() throws {
        let (test, db) = try Self.loaded()
        defer { withExtendedLifetime(test) {} }
        let islanders = [Self.north, Self.island, Self.south]
        func compute(_ places: [TravelPlace], _ mode: TransportMode) throws -> TravelMatrixRun {
            try db.transaction { db in try RoadTravelRepository(db).computeMinutes(between: places, mode: mode, hub: "LEEK") }
        }
        #expect(throws: TravelError.farPlaces(mode: .car, places: ["client P_far"], limitMetres: 1000)) { try compute(Self.town + [Self.far], .car) }
        do {
            _ = try compute(islanders, .car)
            Issue.record("an island was routed")
        } catch let TravelError.unreachable(mode, count, examples) {
            #expect(mode == .car && count == 4)
            #expect(!examples.isEmpty && examples.allSatisfy { $0.contains("client P_island") })
        }
        let cached: Int = try db.query("SELECT count(*)::int AS n FROM travel_vertex_minutes").rows[0].decode("n")
        #expect(cached == 0)
        let walk = try compute(islanders, .walk)
        #expect(walk.unreachable == 4)
        let minutes = try #require(try RoadTravelRepository(db).cachedMinutes(between: islanders, mode: .walk, speedKmh: 4.8, hub: "LEEK"))
        #expect(minutes[0][1] == 1440 && minutes[1][2] == 1440 && minutes[0][2] == 3)
    }

    /// A place that moves is routed again alone; the others' pairs are kept.
    @Test func onlyMovedPlacesAreRoutedAgain() throws {
        let (test, db) = try Self.loaded()
        defer { withExtendedLifetime(test) {} }
        let first = try db.transaction { db in try RoadTravelRepository(db).computeMinutes(between: Self.town, mode: .car, hub: "LEEK") }
        #expect(first.recomputed == first.vertices)
        let again = try db.transaction { db in try RoadTravelRepository(db).computeMinutes(between: Self.town, mode: .car, hub: "LEEK") }
        #expect(again.recomputed == 0 && again.pairs == 0)
        var moved = Self.town
        moved[0] = Self.place("P_north", 53.10280, -2.03000)  // to High Street's west end
        let third = try db.transaction { db in try RoadTravelRepository(db).computeMinutes(between: moved, mode: .car, hub: "LEEK") }
        #expect(third.recomputed == 1)
        #expect(third.pairs == 2 * (third.vertices - 1))
        let full = try Self.minutes(db, moved, .car)
        #expect(full[0][1] > 0)
    }

    /// An extract with no routable way, or a file that is not there, keeps the current network;
    /// a `.pbf` extract loads through osmium as its XML does.
    @Test func badExtractsKeepTheNetworkAndPbfLoads() throws {
        let (test, db) = try Self.loaded()
        defer { withExtendedLifetime(test) {} }
        let ways: Int = try db.query("SELECT count(*)::int AS n FROM travel.ways").rows[0].decode("n")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-road-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.osm")
        try "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n</osm>\n".write(to: empty, atomically: true, encoding: .utf8)
        #expect(throws: TravelError.emptyExtract(file: "empty.osm")) { try RoadNetworkLoader(db).load(file: empty.path) }
        #expect(throws: TravelError.unreadableFile(dir.appendingPathComponent("none.osm").path)) {
            try RoadNetworkLoader(db).load(file: dir.appendingPathComponent("none.osm").path)
        }
        let after: Int = try db.query("SELECT count(*)::int AS n FROM travel.ways").rows[0].decode("n")
        #expect(after == ways)
        let car = try Self.minutes(db, [Self.north, Self.south], .car)
        #expect(car[0][1] == 6)
        // The same town as a .pbf, made with the osmium scripts/setup installs.
        let pbf = dir.appendingPathComponent("river-town.osm.pbf")
        let osmium = Process()
        osmium.executableURL = URL(fileURLWithPath: "/usr/bin/osmium")
        osmium.arguments = ["cat", Self.fixture, "-o", pbf.path]
        try osmium.run()
        osmium.waitUntilExit()
        #expect(osmium.terminationStatus == 0)
        let summary = try RoadNetworkLoader(db).load(file: pbf.path)
        #expect(summary.ways == ways)
        #expect(try Self.minutes(db, [Self.north, Self.south], .walk)[0][1] == 3)
    }
}
