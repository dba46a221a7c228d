import CareModel

/// Why a visit has the carers it has, and for every other carer who might take it, the first
/// rule that stops them: what the roster board shows when a manager opens a visit.
///
/// The rules are the problem's own, checked in the order a manager would ask them (is the carer
/// allowed here at all, do they have the skills, are they working then, are they free, have
/// they hours left), against the roster as it stands. It explains; it does not re-solve: "free"
/// means the carer has a gap in a shift that holds the visit and its travel, not that moving the
/// visit to them keeps every other rule of the engine (breaks, a double-up's common start).
public struct VisitCandidates: Sendable {
    /// One carer's answer for the visit.
    public struct Candidate: Sendable, Equatable {
        public let carer: String
        public let verdict: Verdict
    }

    /// What keeps a carer off the visit, or that they have it or could take it.
    public enum Verdict: Sendable, Equatable {
        /// On the visit now; `because` lists what favoured them (pinned, preferred, familiar).
        case assigned(because: [String])
        /// Nothing in the rules stops them: a gap in a shift holds the visit.
        case free
        case excludedByClient
        case gender(wanted: Gender)
        case missingSkill(String)
        case noShift
        case busy
        case weeklyCap(paidMinutes: Int, maxMinutes: Int)

        /// The rule in words, for the page.
        public var text: String {
            switch self {
            case .assigned(let because): because.isEmpty ? "has this visit" : "has this visit: " + because.joined(separator: "; ")
            case .free: "could take it (free in a shift that holds the window)"
            case .excludedByClient: "the client has asked not to have this carer"
            case .gender(let wanted): "the client asks for a \(wanted.rawValue) carer"
            case .missingSkill(let skill): "lacks the skill \(skill) on that day"
            case .noShift: "no shift covers the visit's window"
            case .busy: "busy: other visits fill the window (with travel)"
            case .weeklyCap(let paid, let max): "at the weekly cap (\(paid / 60) h \(paid % 60) min of \(max / 60) h rostered)"
            }
        }
    }

    public let visit: Problem.Visit
    /// Every carer of the client's hub or lent to it, assigned ones first, then those free, then the rest.
    public let candidates: [Candidate]

    /// The candidates for `visitID` in `handout`'s roster, or nil for a visit not in its problem.
    public init?(handout: Handout, visitID: String) {
        let problem = handout.problem
        guard let visit = problem.visits.first(where: { $0.id == visitID }),
            let client = problem.clients.first(where: { $0.id == visit.client })
        else { return nil }
        self.visit = visit
        let assigned = handout.roster.assignments.first { $0.visit == visitID }?.carers ?? []
        let visitsOfClient = Set(problem.visits.filter { $0.client == client.id }.map(\.id))
        let onClient = Set(handout.roster.assignments.filter { $0.visit != visitID && visitsOfClient.contains($0.visit) }.flatMap(\.carers))
        let places = Set(problem.clients.map(\.id))
        var out: [Candidate] = []
        for carer in problem.carers where carer.hub == client.hub || carer.lendableTo.contains(client.hub) {
            if assigned.contains(carer.id) {
                var because: [String] = []
                if visit.pinned.contains(carer.id) { because.append("pinned by a manager") }
                if client.preferredCarers.contains(carer.id) { because.append("a carer the client prefers") }
                if onClient.contains(carer.id) { because.append("already visits this client this week") }
                let item = handout.items(for: carer.id).first { $0.visit.id == visitID }
                if let item { because.append(item.paidTravel ? "\(item.travel) min from the previous visit" : "\(item.travel) min from home") }
                out.append(Candidate(carer: carer.id, verdict: .assigned(because: because)))
            } else {
                out.append(Candidate(carer: carer.id, verdict: Self.verdict(carer, client: client, visit: visit, handout: handout, places: places)))
            }
        }
        func rank(_ c: Candidate) -> Int {
            switch c.verdict {
            case .assigned: 0
            case .free: 1
            default: 2
            }
        }
        candidates = out.sorted { (rank($0), $0.carer) < (rank($1), $1.carer) }
    }

    /// The first rule that keeps `carer` off `visit` (or `.free`).
    static func verdict(
        _ carer: Problem.Carer, client: Problem.Client, visit: Problem.Visit, handout: Handout, places: Set<String>
    ) -> Verdict {
        let problem = handout.problem
        if client.excludedCarers.contains(carer.id) { return .excludedByClient }
        if let wanted = client.genderPreference, carer.gender != wanted { return .gender(wanted: wanted) }
        for skill in visit.skills where !problem.carer(carer, has: skill, at: visit.windowStart, zone: handout.zone) {
            return .missingSkill(skill)
        }
        let latestStart = visit.windowEnd.adding(minutes: -visit.durationMinutes)
        let shifts = carer.shifts.filter { s in
            max(s.start, visit.windowStart).adding(minutes: visit.durationMinutes) <= min(s.end, visit.windowEnd)
        }
        if shifts.isEmpty { return .noShift }
        let items = handout.items(for: carer.id)
        let paid = items.reduce(0) { $0 + $1.visit.durationMinutes + ($1.paidTravel ? $1.travel : 0) }
        let place = PlaceRef.client(client.id)
        func at(_ id: String) -> PlaceRef { places.contains(id) ? .client(id) : place }
        let fits = shifts.contains { shift in
            let mine = items.filter { shift.start <= $0.start && $0.start < shift.end }
            // Gaps between the shift's visits (and its ends): the visit fits one if, after travel
            // from what comes before, it can start in its window and still reach what comes after.
            var earliest = shift.start.adding(minutes: problem.travelMinutes(from: .carer(carer.id), to: place, by: carer.transport))
            for next in mine + [nil] as [Handout.Item?] {
                let deadline =
                    next.map { $0.start.adding(minutes: -problem.travelMinutes(from: place, to: at($0.visit.client), by: carer.transport)) }
                    ?? shift.end
                let start = max(earliest, visit.windowStart)
                if start <= latestStart && start.adding(minutes: visit.durationMinutes) <= deadline { return true }
                if let next {
                    earliest = next.end.adding(minutes: problem.travelMinutes(from: at(next.visit.client), to: place, by: carer.transport))
                }
            }
            return false
        }
        if !fits { return .busy }
        if paid + visit.durationMinutes > carer.maxMinutes { return .weeklyCap(paidMinutes: paid, maxMinutes: carer.maxMinutes) }
        return .free
    }
}
