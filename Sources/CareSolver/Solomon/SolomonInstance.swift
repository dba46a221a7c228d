#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Solomon VRPTW instance (classic text format), and its translation into the engine.
///
/// Conventions of the literature: Euclidean distances in double precision, travel time equals
/// distance, the window bounds the service start, routes start and end at the depot, capacity
/// and windows are hard, the fleet is the instance's vehicle count.
public struct SolomonInstance: Sendable {
    /// One node; index 0 is the depot.
    public struct Node: Sendable {
        public let x: Double, y: Double
        public let demand: Int, ready: Int, due: Int, service: Int
    }

    public let name: String
    public let vehicles: Int
    public let capacity: Int
    public let nodes: [Node]

    /// Integer units per distance unit inside the engine. Travel times are rounded up (so a
    /// schedule feasible in integers is feasible in exact arithmetic) and costs to nearest.
    public static let scale = 10_000.0

    /// Parses the text of an instance file; nil when it is not in Solomon's format.
    public init?(text: String) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) }
            .filter { !$0.isEmpty }
        guard let name = lines.first?.first,
            let vehicleHeader = lines.firstIndex(where: { $0.first == "NUMBER" }), vehicleHeader + 1 < lines.count,
            lines[vehicleHeader + 1].count >= 2, let vehicles = Int(lines[vehicleHeader + 1][0]),
            let capacity = Int(lines[vehicleHeader + 1][1]),
            let customerHeader = lines.firstIndex(where: { $0.first == "CUST" })
        else { return nil }
        var nodes: [Node] = []
        for fields in lines[(customerHeader + 1)...] {
            let numbers = fields.compactMap { Double($0) }
            guard numbers.count == 7 else { return nil }
            nodes.append(Node(x: numbers[1], y: numbers[2], demand: Int(numbers[3]), ready: Int(numbers[4]),
                              due: Int(numbers[5]), service: Int(numbers[6])))
        }
        guard nodes.count >= 2 else { return nil }
        self.name = String(name)
        self.vehicles = vehicles
        self.capacity = capacity
        self.nodes = nodes
    }

    /// Euclidean distance between nodes `i` and `j`.
    public func distance(_ i: Int, _ j: Int) -> Double {
        let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The engine's instance: one worker and one shift per vehicle; visit `i` is customer `i + 1`.
    public func solverInstance() -> SolverInstance {
        let n = nodes.count
        var time = Matrix(size: n, repeating: 0), cost = Matrix(size: n, repeating: 0)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let d = distance(i, j) * Self.scale
                time[i, j] = Int(d.rounded(.up))
                cost[i, j] = Int(d.rounded())
            }
        }
        let s = Int(Self.scale)
        let everyone = Array(0..<vehicles)
        let visits = nodes.indices.dropFirst().map { i in
            SolverVisit(
                location: i, windowStart: nodes[i].ready * s, windowEnd: nodes[i].due * s, duration: nodes[i].service * s,
                demand: nodes[i].demand, unassignedPenalty: 1_000_000_000_000, client: 0, allowedWorkers: everyone)
        }
        let shifts = everyone.map {
            SolverShift(worker: $0, start: nodes[0].ready * s, end: nodes[0].due * s, home: 0, returnsHome: true, capacity: capacity)
        }
        return SolverInstance(
            travelTime: time, travelCost: cost, visits: visits, shifts: shifts,
            workers: Array(repeating: SolverWorker(), count: vehicles), clientCount: 1, weights: Weights(travel: 1),
            breakRule: nil, paidTravel: false)
    }

    /// Checks a solution in exact arithmetic, independently of the engine: every customer
    /// served once, capacity, windows (service starts by the due date) and the depot's
    /// closing time. Returns the total distance, or a description of the first violation.
    public func check(routes: [[Int]]) -> Result<Double, SolomonViolation> {
        var seen = Array(repeating: 0, count: nodes.count)
        var total = 0.0
        for route in routes where !route.isEmpty {
            var load = 0, clock = Double(nodes[0].ready), at = 0
            for visit in route {
                let node = visit + 1
                seen[node] += 1
                load += nodes[node].demand
                clock = max(clock + distance(at, node), Double(nodes[node].ready))
                if clock > Double(nodes[node].due) + 1e-9 { return .failure(SolomonViolation("customer \(node) starts after its due date")) }
                total += distance(at, node)
                clock += Double(nodes[node].service)
                at = node
            }
            total += distance(at, 0)
            if clock + distance(at, 0) > Double(nodes[0].due) + 1e-9 { return .failure(SolomonViolation("a route returns after the depot closes")) }
            if load > capacity { return .failure(SolomonViolation("a route exceeds capacity")) }
        }
        if let missing = seen.indices.dropFirst().first(where: { seen[$0] != 1 }) {
            return .failure(SolomonViolation("customer \(missing) served \(seen[missing]) times"))
        }
        return .success(total)
    }
}

/// Why a VRPTW solution is infeasible.
public struct SolomonViolation: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
