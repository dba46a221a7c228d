import ArgumentParser
import CareSolver

/// The search settings both benches can override (`SolveParameters`); an option left out keeps
/// the engine's default, so a bench run without them measures what `carehub solve` does.
struct SearchOptions: ParsableArguments {
    @Option(help: "Start temperature, as a multiple of the mean travel cost per visit (SolveParameters.startTemperature).")
    var startTemperature: Double?
    @Option(help: "End temperature, likewise (SolveParameters.endTemperature).") var endTemperature: Double?
    @Flag(help: "Search with granular local search (SolveParameters.localSearch).") var localSearch = false
    @Option(help: "Local search: neighbours tried per visit.") var localSearchNeighbours: Int?
    @Option(help: "Local search: passes at most.") var localSearchPasses: Int?
    @Option(help: "Local search: only within this many temperatures of the best.") var localSearchBestMargin: Double?
    @Flag(inversion: .prefixedNo, help: "Local search through time warp on plain VRPTW (SolveParameters.timeWarpLocalSearch).")
    var timeWarp: Bool?
    @Option(help: "Time warp: share of local-search results wanted without warp before repair.") var timeWarpFeasible: Double?
    @Flag(inversion: .prefixedNo, help: "Time warp: relocate chains of two and three visits too (SolveParameters.timeWarpChains).")
    var orOpt: Bool?
    @Flag(inversion: .prefixedNo, help: "Time warp: end each pass with SWAP* (SolveParameters.timeWarpSwapStar).")
    var swapStar: Bool?
    @Option(help: "Go back to the best after this many iterations without a new best.") var restartAfter: Int?
    @Option(help: "Crossover after this many iterations per visit without a new best (SolveParameters.crossoverAfterPerVisit).")
    var crossoverAfter: Double?
    @Flag(help: "No crossover (the search before issue 16's sixth part).") var noCrossover = false
    @Option(help: "Crossover: largest share of the parent's routes copied.") var crossoverShare: Double?
    @Option(help: "Crossover: parents drawn from a pool of this many (SolveParameters.elitePoolSize).") var elitePool: Int?
    @Option(help: "Elite pool: smallest broken-pairs distance between members.") var eliteDistance: Double?
    @Option(help: "Share of stalls that first try to serve every visit with one route fewer (SolveParameters.routeEliminationShare).")
    var routeElimination: Double?
    @Option(help: "Route elimination: steps per visit at most (SolveParameters.routeEliminationStepsPerVisit).")
    var routeEliminationSteps: Double?
    @Option(help: "Route elimination: attempts from one best at most (SolveParameters.routeEliminationTriesPerBest).")
    var routeEliminationTries: Int?
    @Option(help: "Share of string removals done as split strings (SolveParameters.splitStrings).") var splitStrings: Double?
    @Option(help: "Annealing trajectories at once, one per thread (SolveParameters.trajectories).") var trajectories = 1
    @Option(help: "Iterations between the trajectories' exchanges (SolveParameters.shareEvery).") var shareEvery: Int?

    /// Sets in `parameters` every option given.
    func apply(to parameters: inout SolveParameters) {
        if let startTemperature { parameters.startTemperature = startTemperature }
        if let endTemperature { parameters.endTemperature = endTemperature }
        parameters.localSearch = localSearch
        if let localSearchNeighbours { parameters.localSearchNeighbours = localSearchNeighbours }
        if let localSearchPasses { parameters.localSearchPasses = localSearchPasses }
        if let localSearchBestMargin { parameters.localSearchBestMargin = localSearchBestMargin }
        if let timeWarp { parameters.timeWarpLocalSearch = timeWarp }
        if let timeWarpFeasible { parameters.timeWarpFeasibleShare = timeWarpFeasible }
        if let orOpt { parameters.timeWarpChains = orOpt }
        if let swapStar { parameters.timeWarpSwapStar = swapStar }
        if let restartAfter { parameters.restartAfter = restartAfter }
        if let crossoverAfter { parameters.crossoverAfterPerVisit = crossoverAfter }
        if noCrossover { parameters.crossoverAfterPerVisit = nil }
        if let crossoverShare { parameters.crossoverRouteShare = crossoverShare }
        if let elitePool { parameters.elitePoolSize = elitePool }
        if let eliteDistance { parameters.eliteMinDistance = eliteDistance }
        if let routeElimination { parameters.routeEliminationShare = routeElimination }
        if let routeEliminationSteps { parameters.routeEliminationStepsPerVisit = routeEliminationSteps }
        if let routeEliminationTries { parameters.routeEliminationTriesPerBest = routeEliminationTries }
        if let splitStrings { parameters.splitStrings = splitStrings }
        parameters.trajectories = trajectories
        if let shareEvery { parameters.shareEvery = shareEvery }
    }
}
