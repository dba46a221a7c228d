import CareModel
import CareStore

/// `carehub travel matrix`: road minutes between a hub's places for every mode its carers use.
public enum RoadTravelWorkflow {
    /// Computes and caches the minutes for `hubs` together (so carers lent between them have
    /// minutes to every hub they may work for), by car between every home and by each other
    /// mode its carers use between their homes and the clients', in one transaction: a place
    /// off the network, or two places no car can travel between, store nothing at all. Each
    /// hub gets the pairs under its own row-level security; they are routed once.
    public static func computeMatrix(_ db: Connection, hubs: [String]) throws -> [TravelMatrixRun] {
        precondition(!hubs.isEmpty)
        let codes = hubs.sorted()
        return try db.transaction { db in
            let repository = RoadTravelRepository(db)
            guard try repository.networkLoaded() else { throw TravelError.noNetwork }
            let places = try repository.places(hubCodes: codes)
            let modes = [TransportMode.car] + Set(places.compactMap(\.transport)).subtracting([.car]).sorted()
            var runs: [TravelMatrixRun] = []
            for mode in modes {
                let needed = places.needed(by: mode)
                let run = try repository.computeMinutes(between: needed, mode: mode, hub: codes[0])
                for other in codes.dropFirst() {
                    try repository.copyMinutes(among: needed, mode: mode, from: codes[0], to: other)
                    try repository.record(run, hubCodes: [other])
                }
                runs.append(run)
            }
            return runs
        }
    }
}
