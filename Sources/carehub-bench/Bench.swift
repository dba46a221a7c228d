import ArgumentParser

/// `carehub-bench`: measures the engine. Run through `scripts/bench` (release build).
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carehub-bench",
        abstract: "Benchmarks for carehub's engine (use a release build).",
        subcommands: [SolomonBench.self, UKWeekBench.self, OSMGrid.self]
    )
}
