import CareModel

/// Draws a client's care package: which calls, how long, with which skills and how many carers.
struct PackageFactory {
    /// The kinds of package home-care clients typically have, with their share of clients.
    enum Kind: CaseIterable {
        case single, twice, fourCalls, doubleUp, reablement
    }

    /// Care needs that shape a package's visits.
    struct Needs {
        var dementia = false
        var medication = false
        var catheter = false
        var peg = false
        var endOfLife = false
    }

    static func templates(kind: Kind, needs: Needs, rng: inout SplitMix64) -> [VisitTemplate] {
        let slots: [CallSlot]
        switch kind {
        case .single: slots = [rng.chance(0.6) ? .morning : .lunch]
        case .twice: slots = [.morning, .bed]
        case .fourCalls, .doubleUp, .reablement: slots = CallSlot.allCases
        }
        // Some single-call clients are seen on weekdays only (family cover weekends).
        let days: [Weekday] = kind == .single && rng.chance(0.3) ? Array(Weekday.allCases.prefix(5)) : Weekday.allCases
        // One window per call, the same every day: packages are written that way.
        var plan: [(duration: Int, skills: [Skill], carers: Int, priority: Priority, start: LocalTime, end: LocalTime)] = []
        for slot in slots {
            var skills: [Skill] = []
            var carers = 1
            var priority: Priority = .normal
            var narrow = false
            if needs.medication && (slot == .morning || slot == .bed) {
                skills.append(.medication)
                priority = .high
                narrow = rng.chance(0.5)  // time-critical medication
            }
            if needs.dementia { skills.append(.dementia) }
            if needs.catheter && slot == .morning { skills.append(.catheter) }
            if needs.peg && slot != .bed {
                skills.append(.peg)
                priority = .high
            }
            if needs.endOfLife {
                skills.append(.endOfLife)
                priority = .high
            }
            if kind == .doubleUp && (slot == .morning || slot == .bed) {
                skills.append(.hoist)
                carers = 2
                priority = .high
            }
            if kind == .reablement {
                skills.append(.reablement)
                priority = .homeFirst
            }
            let duration = kind == .reablement ? rng.pick([30, 45, 45, 60]) : rng.pick(slot.durations)
            let (lo, hi) = slot.window
            let width = narrow ? 30 : rng.pick([60, 90, 90, 120])
            let start = lo + rng.steps(0...max(0, hi - lo - width), step: 15)
            let end = min(start + width, 23 * 60 + 30)
            guard let ws = LocalTime(minutesSinceMidnight: start), let we = LocalTime(minutesSinceMidnight: end) else { continue }
            plan.append((duration, skills.sorted(), carers, priority, ws, we))
        }
        return days.flatMap { day in
            plan.map { call in
                VisitTemplate(
                    weekday: day, windowStart: call.start, windowEnd: call.end, durationMinutes: call.duration,
                    skills: call.skills, carersNeeded: call.carers, priority: call.priority)
            }
        }
    }
}
