extension Problem.Visit {
    /// Most carers one visit can take: 2 for a double-up, 3 for the heaviest handling. The one
    /// place this number is written: validation, the compiler and the engine's per-visit slots
    /// all read it. Computed and inlinable so the engine's hot loops see a literal.
    @inlinable public static var maxCarers: Int { 3 }

    /// The carer counts a visit may ask for.
    public static var carerCounts: ClosedRange<Int> { 1...maxCarers }

    /// What validation says about any other count: "must be 1, 2 or 3".
    public static var carerCountRule: String {
        let counts = carerCounts.map(String.init)
        guard let last = counts.last, counts.count > 1 else { return "must be 1" }
        return "must be " + counts.dropLast().joined(separator: ", ") + " or " + last
    }
}
