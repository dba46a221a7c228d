import ArgumentParser
import CareModel
import CareReports
import CareRostering
import CareStore
import Foundation

/// `carehub travel …`: road travel from OpenStreetMap, and how each hub's carers travel.
struct Travel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Road travel times from an OpenStreetMap extract, and each hub's transport settings.",
        discussion: "See docs/travel.md. roster generate uses the cached road minutes when every place and pair is there.",
        subcommands: [Load.self, Matrix.self, Modes.self]
    )

    /// `carehub travel load`.
    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load an OpenStreetMap extract (.osm, or .osm.pbf through osmium) as the road network.",
            discussion: """
                Runs osm2pgrouting into a staging schema, then swaps the new network in within one \
                transaction and costs each mode's edges (docs/travel.md); an extract without a routable way \
                keeps the current network. Cached minutes of the old network are dropped: run travel matrix \
                again. For the administration login (it creates PostGIS and pgRouting where missing).
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The extract, e.g. staffordshire-latest.osm.pbf from any OpenStreetMap mirror.") var file: String

        func run() throws {
            try reportingFailures {
                guard database.actingEmail == nil else {
                    throw CommandFailure("travel load runs as the administration login: leave out --as and CAREHUB_AS")
                }
                let db = try database.connect()
                let s = try RoadNetworkLoader(db).load(file: file)
                let edges = TransportMode.allCases.map { "\($0.rawValue) \(s.edgesByMode[$0] ?? 0)" }.joined(separator: ", ")
                print("loaded \(URL(fileURLWithPath: file).lastPathComponent): \(s.ways) ways, \(s.vertices) vertices; directed edges \(edges)")
            }
        }
    }

    /// `carehub travel matrix`.
    struct Matrix: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute and cache road minutes between a hub's places (carers' and clients' homes).",
            discussion: """
                By car, and by each mode the hubs' carers use. Places snap to the nearest vertex their mode \
                may use; only vertices of new or moved places are routed again. Name several hubs to cover \
                carers lent between them. A place over the snap limit from the network, or a pair with no \
                route, stores nothing and names the places.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("hub"), help: "A hub's code (repeat for several).") var hubs: [String]

        func run() throws {
            try reportingFailures {
                guard !hubs.isEmpty else { throw ValidationError("name at least one --hub") }
                let db = try database.connect()
                for hub in hubs where try HubRepository(db).find(code: hub) == nil { throw CommandFailure(noHubsMessage(hub)) }
                for run in try RoadTravelWorkflow.computeMatrix(db, hubs: hubs) {
                    print(
                        "\(run.mode.rawValue): \(run.places) places at \(run.vertices) vertices, \(run.recomputed) routed again, "
                            + "\(run.pairs) pairs stored in \(String(format: "%.1f", run.seconds)) s")
                    if run.unreachable > 0 {
                        writeError(
                            "\(run.mode.rawValue): \(run.unreachable) pairs of places have no route \(run.mode.byPhrase) "
                                + "(a trunk road without a path, a gap in the map): the engine will not send a carer who travels so between them")
                    }
                }
            }
        }
    }

    /// `carehub travel modes`.
    struct Modes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set a hub's speed and per-trip overhead for a transport mode.",
            discussion: """
                Without --mode, lists the hub's settings. With --mode, sets the values given (the others keep \
                their current values), or --reset returns the mode to the defaults. A car's speed is not set \
                here: straight-line travel uses 25 km/h, a road network each road's limit.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "A hub's code.") var hub: String
        @Option(help: "car, walk, cycle or public.") var mode: TransportMode?
        @Option(help: "Average speed while moving, km/h (not for car).") var speedKmh: Double?
        @Option(help: "Minutes added to each trip: parking, locking a bike, the wait for a bus.") var overheadMinutes: Int?
        @Option(help: "Public transport: minutes of walking to and from the stops.") var accessMinutes: Int?
        @Flag(help: "Return the mode to the defaults.") var reset = false

        func validate() throws {
            if mode == nil && (speedKmh != nil || overheadMinutes != nil || accessMinutes != nil || reset) {
                throw ValidationError("--speed-kmh, --overhead-minutes, --access-minutes and --reset need --mode")
            }
            if let speedKmh, !TransportSetting.speedRange.contains(speedKmh) { throw ValidationError("--speed-kmh: must be within 1…200") }
            if mode == .car && speedKmh != nil { throw ValidationError("--speed-kmh: a car's speed is not a hub setting") }
            if let o = overheadMinutes, !TransportSetting.minutesRange.contains(o) {
                throw ValidationError("--overhead-minutes: must be within 0…120")
            }
            if let a = accessMinutes, !TransportSetting.minutesRange.contains(a) { throw ValidationError("--access-minutes: must be within 0…120") }
            if accessMinutes != nil && mode != .public { throw ValidationError("--access-minutes: only public transport walks to stops") }
        }

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                guard try HubRepository(db).find(code: hub) != nil else { throw CommandFailure(noHubsMessage(hub)) }
                let repository = HubTransportRepository(db)
                if let mode {
                    try db.transaction { db in
                        let repository = HubTransportRepository(db)
                        if reset {
                            try repository.reset(hubCode: hub, mode: mode)
                        } else {
                            var setting = try repository.settings(hubCode: hub)[mode]
                            if let speedKmh { setting.speedKmh = speedKmh }
                            if let overheadMinutes { setting.overheadMinutes = overheadMinutes }
                            if let accessMinutes { setting.accessMinutes = accessMinutes }
                            guard try repository.set(hubCode: hub, mode: mode, setting) else { throw CommandFailure(noHubsMessage(hub)) }
                        }
                    }
                }
                let settings = try repository.settings(hubCode: hub)
                var table = TextTable(headers: ["mode", "speed km/h", "overhead min", "access min"], rightAligned: [1, 2, 3])
                for m in TransportMode.allCases {
                    let s = settings[m]
                    table.add([
                        m.rawValue, m == .car ? "by road" : String(format: "%.1f", s.speedKmh), "\(s.overheadMinutes)",
                        m == .public ? "\(s.accessMinutes)" : "",
                    ])
                }
                print(table.render(), terminator: "")
            }
        }
    }
}

extension TransportMode: ExpressibleByArgument {}
