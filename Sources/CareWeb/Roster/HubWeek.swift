import CareModel
import CareReports
import CareRostering
import CareStore
import Hummingbird

/// A hub's week as a manager sees it, read in one acting transaction: its versions, how many
/// visits are planned, and one version's hand-out (the newest unless another is asked for).
struct HubWeek: Sendable {
    let hub: String
    let week: ISOWeek
    let versions: [RosterVersionSummary]
    let plannedVisits: Int
    let shown: Shown?

    /// The version on screen.
    struct Shown: Sendable {
        let summary: RosterVersionSummary
        let handout: Handout
        let isHubSlice: Bool
        /// Changes whenever the hand-out's names change (`DecodedDocuments.handout`): part of
        /// the key of anything rendered from it.
        let generation: Int
    }

    var published: RosterVersionSummary? { versions.first { $0.status == .published } }
    var newest: RosterVersionSummary? { versions.first }
    /// The newest draft when it is newer than the published version: what "compare" and "publish" act on.
    var pendingDraft: RosterVersionSummary? {
        guard let newest, newest.status == .draft else { return nil }
        return newest.version > (published?.version ?? 0) ? newest : nil
    }

    /// The path of this week's pages.
    var path: String { HubWeek.path(hub, week) }
    static func path(_ hub: String, _ week: ISOWeek) -> String { "/hubs/\(hub)/weeks/\(week)" }

    /// Reads the week; a hub that is not the acting person's, or a week that does not parse, is
    /// a 404 (the hub list is the database's, `carehub_person_hubs()`).
    static func load(_ db: Connection, hub: String, week: ISOWeek, version: Int?, cache: DecodedDocuments) throws -> HubWeek {
        guard try HubWeekRepository(db).actingHubs().contains(hub) else { throw notFound("hub") }
        let weeks = HubWeekRepository(db)
        let versions = try weeks.versions(hub: hub, week: week)
        let planned = try weeks.plannedVisits(hub: hub, week: week)
        let chosen = version ?? versions.first?.version
        var shown: Shown?
        if let chosen {
            // The version must be among those this person may see (row-level security) before
            // its documents, decoded once per server, are used.
            guard let summary = versions.first(where: { $0.version == chosen }) else { throw notFound("roster version") }
            let documents = try cache.get(summary.id) {
                guard let stored = try RosterRepository(db).find(hub: hub, week: week, version: chosen, documents: .hub) else { return nil }
                let (problem, roster) = try RosterWorkflow.documents(stored)
                return DecodedDocuments.Entry(problem: problem, roster: roster, isHubSlice: stored.isHubSlice)
            }
            guard let documents else { throw notFound("roster version") }
            let names = try RosterWorkflow.handoutNames(db, problem: documents.problem, roster: documents.roster)
            let built = cache.handout(summary.id, names: names) {
                Handout(
                    hub: hub, week: week.description, version: chosen, problem: documents.problem, roster: documents.roster,
                    carerNames: names.carers, clientFirstNames: names.clientFirstNames, clientAreas: names.clientAreas)
            }
            shown = Shown(summary: summary, handout: built.handout, isHubSlice: documents.isHubSlice, generation: built.generation)
        }
        return HubWeek(hub: hub, week: week, versions: versions, plannedVisits: planned, shown: shown)
    }
}

/// Route parameters of the hub pages, parsed or answered with a 404.
extension Parameters {
    func hubWeek() throws -> (hub: String, week: ISOWeek) {
        guard let hub = self.get("hub"), ExternalID.isValid(hub), let text = self.get("week"), let week = ISOWeek(iso: text) else {
            throw notFound("hub week")
        }
        return (hub, week)
    }
}

extension Request {
    /// `?v=N`: a version number, or nil for the newest; anything else is a 404.
    func version() throws -> Int? {
        guard let text = uri.queryParameters.get("v"), !text.isEmpty else { return nil }
        guard let n = Int(text), n >= 1 else { throw notFound("roster version") }
        return n
    }
}
