/// Best-known distances (distance alone minimised) as the benchmark compares with them: the
/// table shipped beside the instances (`bks_distance.csv`), with the entries that no feasible
/// solution can reach replaced.
public enum SolomonBestKnown {
    /// One replaced entry: the distance compared with, the optimum proven on truncated
    /// distances (a lower bound on any solution in double precision), and why.
    public struct Correction: Sendable, Equatable {
        public let distance: Double
        public let truncatedOptimum: Double
        public let reason: String
    }

    /// Entries of `bks_distance.csv` below the optimum that exact methods proved on distances
    /// truncated to one decimal. Truncated distances are never longer, so no solution feasible
    /// in double precision can cost less than that optimum: these entries are unreachable and
    /// would count a solution at the optimum as several per cent off. Each is replaced by LKH-3's
    /// best tour for the instance (its file name holds the truncated optimum), re-evaluated in
    /// double precision and checked feasible, as the table already does for r207 and r210.
    public static let corrections: [String: Correction] = [
        "r109": Correction(
            distance: 1151.91, truncatedOptimum: 1146.9,
            reason: "listed 1101.37 is below the proven optimum 1146.9 (truncated distances); "
                + "LKH-3's R109.100.13.11469 tour in double precision: 1151.91, 13 vehicles"),
        "rc103": Correction(
            distance: 1261.67, truncatedOptimum: 1258.0,
            reason: "listed 1249.86 is below the proven optimum 1258.0 (truncated distances); "
                + "LKH-3's RC103.100.11.12580 tour in double precision: 1261.67, 11 vehicles"),
    ]

    /// Parses `bks_distance.csv` (`instance,vehicles,distance,source`, one header line) and
    /// applies `corrections`. Lines without a number in the distance column are skipped.
    public static func table(csv text: String) -> [String: Double] {
        var table: [String: Double] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",")
            if fields.count >= 3, let d = Double(fields[2]) { table[String(fields[0])] = d }
        }
        for (name, correction) in corrections where table[name] != nil { table[name] = correction.distance }
        return table
    }
}
