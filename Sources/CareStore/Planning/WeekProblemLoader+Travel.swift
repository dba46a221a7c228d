import CareModel

extension WeekProblemLoader {
    /// Sets the problem's transport settings (the first hub's, by code) and, where a road
    /// network is loaded and `carehub travel matrix` has cached minutes for every place and
    /// pair the week needs (under the first hub), its travel to the road matrix: by car between
    /// every place, and by each other mode its carers use between their homes and the clients'.
    /// Otherwise the problem keeps straight-line travel and, when a network is loaded, a
    /// notice says why and what to run.
    func applyTravel(_ problem: inout Problem, codes: [String], notices: inout [String]) throws {
        let hubs = HubTransportRepository(db)
        problem.travelModes = try hubs.settings(hubCode: codes[0])
        for code in codes.dropFirst() where try hubs.settings(hubCode: code) != problem.travelModes {
            notices.append("transport: hubs \(codes.joined(separator: ", ")) set different speeds or overheads; \(codes[0])'s are used")
            break
        }
        let road = RoadTravelRepository(db)
        guard try road.networkLoaded() else { return }
        let hint = "run carehub travel matrix --hub \(codes.joined(separator: " --hub ")); straight-line travel is used this time"
        // A matrix names places by id alone: a carer and a client sharing one would be one place.
        if !Set(problem.carers.map(\.id)).isDisjoint(with: problem.clients.map(\.id)) {
            notices.append("road travel: a carer and a client share an id, so road minutes cannot name their homes apart; \(hint)")
            return
        }
        let places = problem.carers.map { TravelPlace(.carer($0.id), $0.location) } + problem.clients.map { TravelPlace(.client($0.id), $0.location) }
        let settings = problem.travelModes
        func minutes(_ subset: [Int], _ mode: TransportMode) throws -> [[Int]]? {
            try road.cachedMinutes(between: subset.map { places[$0] }, mode: mode, speedKmh: settings[mode].speedKmh, hub: codes[0])
        }
        guard let car = try minutes(Array(places.indices), .car) else {
            notices.append("road travel: some places have no cached minutes by car (new or moved); \(hint)")
            return
        }
        var byMode: [TransportMode: [[Int]]] = [:]
        let clients = problem.carers.count..<places.count
        for mode in Set(problem.carers.map(\.transport)).subtracting([.car]).sorted() {
            // The mode's carers and every client; rows of other carers' homes are never read by
            // this mode's routes, and keep the car's minutes so the matrix stays square.
            let subset = problem.carers.indices.filter { problem.carers[$0].transport == mode } + Array(clients)
            guard let found = try minutes(subset, mode) else {
                notices.append("road travel: some places have no cached minutes \(mode.byPhrase) (new or moved); \(hint)")
                return
            }
            var full = car
            for (a, i) in subset.enumerated() { for (b, j) in subset.enumerated() { full[i][j] = found[a][b] } }
            byMode[mode] = full
        }
        problem.travel = .matrix(TravelMatrixModel(places: places.map(\.ref.id), minutes: car, minutesByMode: byMode))
    }
}
