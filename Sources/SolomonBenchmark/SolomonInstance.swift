/// A Solomon VRPTW instance (classic text format). Benchmark code, kept out of the shipped
/// `CareSolver` library: `carehub-bench solomon` and the Solomon tests use it.
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
            nodes.append(
                Node(
                    x: numbers[1], y: numbers[2], demand: Int(numbers[3]), ready: Int(numbers[4]),
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
        let dx = nodes[i].x - nodes[j].x
        let dy = nodes[i].y - nodes[j].y
        return (dx * dx + dy * dy).squareRoot()
    }
}
