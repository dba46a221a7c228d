extension SolomonInstance {
    /// Checks a solution in exact arithmetic, independently of the engine: every customer
    /// served once, capacity, windows (service starts by the due date) and the depot's
    /// closing time. Returns the total distance, or a description of the first violation.
    public func check(routes: [[Int]]) -> Result<Double, SolomonViolation> {
        var seen = Array(repeating: 0, count: nodes.count)
        var total = 0.0
        for route in routes where !route.isEmpty {
            var load = 0
            var clock = Double(nodes[0].ready)
            var at = 0
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
