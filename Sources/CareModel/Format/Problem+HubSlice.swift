/// One hub's part of a week solved for several hubs together.
///
/// `roster generate --all` solves hubs that lend carers to each other as one problem, and each
/// hub's stored version used to name that whole document: exporting, showing or measuring one
/// hub of the 15-hub sample county decoded the 9.7 MB problem of its nine-hub group. A hub's
/// slice holds what any view of that hub reads, and nothing of the other hubs' clients.
extension Problem {
    /// The problem as one hub sees it: every hub (small, and carers' `lendableTo` names them),
    /// the hub's clients and their visits, and the carers who may work there (its own and those
    /// lendable to it) together with any carer a kept client, visit or `working` names.
    /// `working`: carers the hub's roster assigns (normally already among those who may work there).
    /// Links between two kept visits and a matrix's kept places stay.
    /// The slice validates as a problem of its own; order within each list is kept.
    public func slice(hub: String, working: Set<String>) -> Problem {
        var sliced = self
        sliced.clients = clients.filter { $0.hub == hub }
        let kept = Set(sliced.clients.map(\.id))
        sliced.visits = visits.filter { kept.contains($0.client) }
        var named = working
        for client in sliced.clients {
            named.formUnion(client.excludedCarers)
            named.formUnion(client.preferredCarers)
        }
        for visit in sliced.visits { named.formUnion(visit.pinned) }
        sliced.carers = carers.filter { $0.hub == hub || $0.lendableTo.contains(hub) || named.contains($0.id) }
        let keptVisits = Set(sliced.visits.map(\.id))
        sliced.links = links.filter { keptVisits.contains($0.first) && keptVisits.contains($0.second) }
        if case .matrix(let m) = travel {
            // A matrix names exactly the problem's carers and clients: keep the slice's rows and columns.
            let places = kept.union(sliced.carers.map(\.id))
            let rows = m.places.indices.filter { places.contains(m.places[$0]) }
            func slice(_ table: [[Int]]) -> [[Int]] { rows.map { i in rows.map { table[i][$0] } } }
            sliced.travel = .matrix(
                TravelMatrixModel(places: rows.map { m.places[$0] }, minutes: slice(m.minutes), minutesByMode: m.minutesByMode.mapValues(slice)))
        }
        return sliced
    }
}

extension Problem {
    /// The slice for one hub's part of a run's roster: the carers it assigns are kept. Generate
    /// cuts the stored slice with this and publish cuts today's problem with it to judge
    /// staleness, so the two always agree.
    public func slice(hub: String, for roster: Roster) -> Problem {
        slice(hub: hub, working: Set(roster.assignments.flatMap(\.carers)))
    }
}

extension Roster {
    /// The roster restricted to `visits` (one hub's), keeping the run's objective, metrics and
    /// solver details: they describe the run, as `roster show` says for a multi-hub version.
    public func slice(visits: Set<String>) -> Roster {
        var sliced = self
        sliced.assignments = assignments.filter { visits.contains($0.visit) }
        sliced.unassigned = unassigned.filter { visits.contains($0.visit) }
        return sliced
    }
}
