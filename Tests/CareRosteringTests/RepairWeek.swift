import CareModel

/// A week built in code for the repair plan and the change explainer: hub H1 with carers A and
/// B and clients c1 and c2, hub H2 with carer C and client c9; every visit is on Monday
/// 23 November 2026 (GMT, so roster times end in +00:00), times given as "HH:MM".
enum RepairWeek {
    static let monday = LocalDate(iso: "2026-11-23")!
    static let stafford = GeoPoint(latitude: 52.8064, longitude: -2.1171)!

    static func at(_ hhmm: String) -> Instant {
        Instant(utcDate: monday, minutes: LocalTime(iso: hhmm)!.minutesSinceMidnight)
    }

    /// A carer working 07:00–15:00.
    static func carer(_ id: String, hub: String = "H1", skills: [String] = []) -> Problem.Carer {
        Problem.Carer(
            id: id, name: id, hub: hub, location: stafford, skills: skills, gender: nil, contractedMinutes: 0, maxMinutes: 2400, lendableTo: [],
            shifts: [Problem.Interval(start: at("07:00"), end: at("15:00"))])
    }

    /// A 30-minute visit whose window opens at `from` and closes `window` minutes later.
    static func visit(
        _ id: String, client: String, from: String, window: Int = 60, skills: [String] = [], priority: Priority = .normal, pinned: [String] = []
    ) -> Problem.Visit {
        Problem.Visit(
            id: id, client: client, windowStart: at(from), windowEnd: at(from).adding(minutes: window), durationMinutes: 30, skills: skills,
            carers: 1, priority: priority, pinned: pinned)
    }

    /// A published or repaired assignment, its start written as the roster builder writes it.
    static func assignment(_ visit: String, _ carers: [String], _ hhmm: String) -> Roster.Assignment {
        Roster.Assignment(visit: visit, carers: carers, start: at(hhmm).rfc3339(offsetMinutes: 0, zulu: false))
    }

    static func problem(carers: [Problem.Carer], visits: [Problem.Visit]) -> Problem {
        let clients = [("c1", "H1"), ("c2", "H1"), ("c9", "H2")].map {
            Problem.Client(id: $0.0, hub: $0.1, location: stafford, genderPreference: nil, excludedCarers: [], preferredCarers: [])
        }
        let hubs = ["H1", "H2"].map { Problem.Hub(id: $0, name: $0, location: stafford) }
        return Problem(weekStart: monday, timeZone: "Europe/London", travel: .standard, hubs: hubs, carers: carers, clients: clients, visits: visits)
    }
}
