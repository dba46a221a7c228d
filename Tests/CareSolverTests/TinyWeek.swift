import CareModel
import CareSolver

/// A tiny problem built in code: one or two hubs, a few carers and visits on Monday
/// 23 November 2026 (GMT), with times given as "HH:MM".
struct TinyWeek {
    static let monday = LocalDate(iso: "2026-11-23")!
    static let here = GeoPoint(latitude: 52.8064, longitude: -2.1171)!

    var hubs = [
        Problem.Hub(id: "H1", name: "Stafford", location: here),
        Problem.Hub(id: "H2", name: "Stone", location: GeoPoint(latitude: 52.904, longitude: -2.147)!),
    ]
    var carers: [Problem.Carer] = []
    var clients: [Problem.Client] = []
    var visits: [Problem.Visit] = []

    static func at(_ hhmm: String, day: Int = 0) -> Instant {
        let t = LocalTime(iso: hhmm)!
        return Instant(utcDate: monday.adding(days: day), minutes: t.minutesSinceMidnight)
    }

    /// A point about `km` kilometres north of the hub.
    static func north(_ km: Double) -> GeoPoint { GeoPoint(latitude: here.latitude + km / 111.2, longitude: here.longitude)! }

    mutating func carer(
        _ id: String, hub: String = "H1", skills: [String] = [], gender: Gender = .female, contracted: Int = 0, max: Int = 2400,
        lendableTo: [String] = [], shift: (String, String) = ("07:00", "15:00"), home: GeoPoint = here
    ) {
        carers.append(
            Problem.Carer(
                id: id, name: id, hub: hub, location: home, skills: skills, gender: gender, contractedMinutes: contracted, maxMinutes: max,
                lendableTo: lendableTo, shifts: [Problem.Interval(start: Self.at(shift.0), end: Self.at(shift.1))]))
    }

    mutating func client(
        _ id: String, hub: String = "H1", at place: GeoPoint = here, gender: Gender? = nil, excluded: [String] = [], preferred: [String] = []
    ) {
        clients.append(
            Problem.Client(id: id, hub: hub, location: place, genderPreference: gender, excludedCarers: excluded, preferredCarers: preferred))
    }

    mutating func visit(
        _ id: String, client: String, from: String, to: String, minutes: Int = 30, skills: [String] = [], carers: Int = 1,
        priority: Priority = .normal, pinned: [String] = []
    ) {
        visits.append(
            Problem.Visit(
                id: id, client: client, windowStart: Self.at(from), windowEnd: Self.at(to), durationMinutes: minutes, skills: skills,
                carers: carers, priority: priority, pinned: pinned))
    }

    var problem: Problem {
        Problem(weekStart: Self.monday, timeZone: "Europe/London", travel: .standard, hubs: hubs, carers: carers, clients: clients, visits: visits)
    }
}

/// Solves a problem with a fixed seed and iteration limit and returns the roster.
func solveRoster(_ problem: Problem, seed: UInt64 = 1, iterations: Int = 300) -> Roster {
    let compiled = ProblemCompiler.compile(problem)
    let result = solve(compiled.instance, parameters: SolveParameters(seed: seed, stop: StoppingCriterion(maxIterations: iterations)))
    return RosterBuilder.roster(compiled, result, seed: seed)
}
