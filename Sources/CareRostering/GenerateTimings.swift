/// Wall-clock seconds of each phase of a generate run, summed over the groups of hubs solved:
/// what `roster generate --timings` prints and `scripts/bench-county` records.
public struct GenerateTimings: Sendable {
    /// Reading the week's problem from the database.
    public var load = 0.0
    /// Compiling it for the engine (travel matrix, compatibility, neighbour lists).
    public var compile = 0.0
    /// The search itself (bounded by --seconds or --iterations).
    public var search = 0.0
    /// Building the roster file and re-checking it with the independent checker.
    public var check = 0.0
    /// Writing the drafts.
    public var store = 0.0

    public init() {}

    /// Runs `body`, adding its wall time to `phase`.
    mutating func time<T>(_ phase: WritableKeyPath<GenerateTimings, Double>, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer { self[keyPath: phase] += Self.seconds(since: start) }
        return try body()
    }

    /// Seconds from `start` to now.
    public static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// One line of phase names and seconds (no personal data), with the review's time added by the caller.
    public func line(review: Double) -> String {
        let phases = [("load", load), ("compile", compile), ("search", search), ("check", check), ("store", store), ("review", review)]
        return "timings: " + phases.map { "\($0.0) \(Self.format($0.1)) s" }.joined(separator: ", ")
    }

    private static func format(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
