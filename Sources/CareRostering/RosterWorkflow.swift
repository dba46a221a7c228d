import CareModel
import CareReports
import CareSolver
import CareStore
import Foundation

/// The hub manager's weekly operations that need both the database and the engine.
public enum RosterWorkflow {
    /// How to search.
    public struct SearchSettings: Sendable {
        public var seed: UInt64
        public var seconds: Double?
        public var iterations: Int?
        /// Groups of hubs solved at once, each search on a thread of its own; 1 solves them one
        /// after another. The rosters are the same for any count (each group's search is
        /// deterministic on its own seed); only how `seconds` is shared changes.
        public var threads: Int

        public init(seed: UInt64 = 1, seconds: Double? = nil, iterations: Int? = nil, threads: Int = 1) {
            self.seed = seed
            self.seconds = seconds
            self.iterations = iterations
            self.threads = max(1, threads)
        }
    }

    /// The week's problem from today's data, and its exact text: what generate solves and what
    /// publish compares a draft with. Clients carry their history (`clients[].history`): the
    /// carers of the published rosters of the four weeks before, with their visits; a client of a
    /// hub with no published roster in those weeks has none (nothing is known), one of a hub
    /// with some has an array, empty when nobody visited them. Each visit carries the carers who
    /// did its package call a week before, where that week is published (`visits[].previous_carers`).
    public static func currentProblem(_ db: Connection, hubs: [String], week: ISOWeek) throws -> (Problem, String) {
        var notices: [String] = []
        return try currentProblem(db, hubs: hubs, week: week, notices: &notices)
    }

    /// The week's problem and its text, with what a manager should know about how it was built
    /// (road travel not used, and why) added to `notices`.
    public static func currentProblem(_ db: Connection, hubs: [String], week: ISOWeek, notices: inout [String]) throws -> (Problem, String) {
        let loader = WeekProblemLoader(db)
        var problem = try loader.load(hubCodes: hubs, week: week, notices: &notices)
        let known = try loader.hubsWithHistory(hubCodes: hubs, week: week)
        if !known.isEmpty {
            let history = try loader.history(hubCodes: Array(known), week: week)
            for i in problem.clients.indices where known.contains(problem.clients[i].hub) {
                let entries = history[problem.clients[i].id] ?? []
                problem.clients[i].history = entries.map { Problem.HistoryEntry(carer: $0.carer, visits: $0.visits) }
            }
            let previous = try loader.previousCarers(hubCodes: Array(known), week: week)
            for i in problem.visits.indices { problem.visits[i].previousCarers = previous[problem.visits[i].id] ?? [] }
        }
        return (problem, String(decoding: try ProblemEncoder.encode(problem), as: UTF8.self))
    }

    /// Publishes a draft, refusing a stale one unless `force`.
    @discardableResult
    public static func publish(_ db: Connection, hub: String, week: ISOWeek, version: Int, force: Bool, actor: String) throws -> Int? {
        try RosterRepository(db).publish(hub: hub, week: week, version: version, force: force, actor: actor) { db, stored in
            let (problem, text) = try currentProblem(db, hubs: stored.hubs, week: week)
            guard stored.isHubSlice else { return text }
            // The slice as generate would cut it today, for the draft's own roster slice.
            let roster = try Roster.decode(Data(stored.rosterText.utf8))
            return String(decoding: try ProblemEncoder.encode(problem.slice(hub: stored.hubCode, for: roster)), as: UTF8.self)
        }
    }

    /// The stored problem and roster of a version, decoded, limited to one hub's visits.
    public static func documents(_ stored: StoredRoster) throws -> (Problem, Roster) {
        let problem = try ProblemDecoder.decode(
            Data(stored.problemText.utf8), file: "roster \(stored.hubCode) \(stored.week) v\(stored.version)", strictIDs: false)
        var roster = try Roster.decode(Data(stored.rosterText.utf8))
        let clientHub = Dictionary(uniqueKeysWithValues: problem.clients.map { ($0.id, $0.hub) })
        let visitHub = Dictionary(uniqueKeysWithValues: problem.visits.map { ($0.id, clientHub[$0.client] ?? "") })
        roster.assignments.removeAll { visitHub[$0.visit] != stored.hubCode }
        roster.unassigned.removeAll { visitHub[$0.visit] != stored.hubCode }
        return (problem, roster)
    }
}

extension RosterWorkflow {
    /// A stored version with the display details the hand-outs need; `withTasks` adds the
    /// care-plan tasks of every visit (or of one carer's, `tasksOf`), for carers' sheets (each
    /// plan read is audited, so read only what is printed).
    public static func handout(_ db: Connection, _ stored: StoredRoster, withTasks: Bool = false, tasksOf carer: String? = nil) throws -> Handout {
        let (problem, roster) = try documents(stored)
        var handout = try handout(db, hub: stored.hubCode, week: stored.week, version: stored.version, problem: problem, roster: roster)
        if withTasks {
            let visits = carer.map { c in handout.items(for: c).map(\.visit.id) } ?? roster.assignments.map(\.visit)
            handout.visitTasks = try HandoutRepository(db).tasks(visitIDs: visits)
        }
        return handout
    }

    /// The hand-out of documents already decoded (a version's documents never change, so a
    /// server may keep them decoded); names and areas are read now.
    public static func handout(_ db: Connection, hub: String, week: String, version: Int, problem: Problem, roster: Roster) throws -> Handout {
        let names = try handoutNames(db, problem: problem, roster: roster)
        return Handout(
            hub: hub, week: week, version: version, problem: problem, roster: roster,
            carerNames: names.carers, clientFirstNames: names.clientFirstNames, clientAreas: names.clientAreas)
    }

    /// The names and areas a hand-out shows, as the database has them now.
    public struct HandoutNames: Sendable, Equatable {
        public let carers: [String: String]
        public let clientFirstNames: [String: String]
        public let clientAreas: [String: String]
    }

    /// Reads the names and areas of a version's carers and clients (what can change after the
    /// documents were stored).
    public static func handoutNames(_ db: Connection, problem: Problem, roster: Roster) throws -> HandoutNames {
        let carerIDs = Array(Set(roster.assignments.flatMap(\.carers)))
        let clientIDs = Array(Set(problem.visits.map(\.client)))
        let repo = HandoutRepository(db)
        let carers = try repo.carers(carerIDs)
        let clients = try repo.clients(clientIDs)
        return HandoutNames(
            carers: carers.mapValues(\.name), clientFirstNames: clients.mapValues(\.firstName), clientAreas: clients.mapValues(\.addressArea))
    }
}
