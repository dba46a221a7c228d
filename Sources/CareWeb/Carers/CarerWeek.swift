import CareModel
import CareReports
import CareRostering
import CareStore

/// Everything the manager's carer page shows, read in one acting transaction: the carer's visits
/// in one roster version of the hub's week and what the CLI reports about them (contract, working
/// time, pay against the living wage, short-notice changes), and their own link's state.
struct CarerWeek: Sendable {
    let carer: String
    let name: String
    /// The carer's own hub; another hub's carer is read-only here (lent to this hub).
    let carerHub: String
    let hub: String
    let week: ISOWeek
    /// The version shown and every version of the week, for the picker (empty: no roster yet).
    let shown: (version: Int, status: RosterStatus)?
    /// The week's versions, oldest first (the picker's order).
    let versions: [RosterVersionSummary]
    let handout: Handout?
    let contractedMinutes: Int?
    let maxMinutes: Int?
    let pay: [Payroll.Line]
    let warnings: [WorkingTimeWarnings.Warning]
    let changes: [CarerChange]
    let link: CarerLinkRepository.Live?

    var isLent: Bool { carerHub != hub }
    var items: [Handout.Item] { handout?.items(for: carer) ?? [] }

    /// Minutes paid: visits and travel between visits (the trip from home is commuting).
    var paidMinutes: Int { items.reduce(0) { $0 + $1.visit.durationMinutes + ($1.paidTravel ? $1.travel : 0) } }

    /// Loads the page for `carer` in `hub`'s `week`: the version asked for, else the published
    /// one, else the newest draft. Nil when the carer is not visible (RLS), or is another hub's
    /// carer who does not work in this hub's roster.
    static func load(_ db: Connection, hub: String, week: ISOWeek, carer: String, version: Int?) throws -> CarerWeek? {
        guard let carerHub = try CarerRepository(db).hubCode(of: carer),
            let details = try HandoutRepository(db).carers([carer])[carer]
        else { return nil }
        let rosters = RosterRepository(db)
        let versions = try HubWeekRepository(db).versions(hub: hub, week: week).reversed() as [RosterVersionSummary]
        let chosen = try version ?? rosters.published(hub: hub, week: week)
        var stored: StoredRoster?
        if !versions.isEmpty {
            stored = try rosters.find(hub: hub, week: week, version: chosen, documents: .hub)
            // An unknown version in the address is not found, as an unknown week would be.
            if stored == nil { return nil }
        }
        let handout = try stored.map { try RosterWorkflow.handout(db, $0) }
        let problemCarer = handout?.problem.carers.first { $0.id == carer }
        if carerHub != hub && problemCarer == nil { return nil }
        let pay = try handout.map { try RosterWorkflow.payroll(db, $0).filter { $0.carer == carer } } ?? []
        // A lent carer's link is their own hub's to give; the table's policy hides it here anyway.
        let link = try carerHub == hub ? CarerLinkRepository(db).live(carer: carer) : nil
        // The read of a person's record goes to the audit trail, in the page's own transaction.
        try AuditRepository(db).recordCarerRead(externalID: carer)
        return CarerWeek(
            carer: carer, name: details.name, carerHub: carerHub, hub: hub, week: week,
            shown: stored.map { (version: $0.version, status: $0.status) }, versions: versions, handout: handout,
            contractedMinutes: problemCarer?.contractedMinutes, maxMinutes: problemCarer?.maxMinutes, pay: pay,
            warnings: handout.map { WorkingTimeWarnings.warnings(problem: $0.problem, roster: $0.roster).filter { $0.carer == carer } } ?? [],
            changes: try RebalanceRepository(db).changes(carer: carer, hub: hub, week: week),
            link: link)
    }
}
