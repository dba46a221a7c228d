import CareModel
import Foundation

/// A roster version as stored, with the exact documents behind it.
public struct StoredRoster: Sendable {
    public let id: Int
    public let hubCode: String
    public let week: String
    public let version: Int
    public let status: RosterStatus
    public let seed: Int64
    public let createdAt: Instant
    /// Hubs generated together (lendable carers may cross between them).
    public let hubs: [String]
    /// The `carehub.problem/1` text the engine saw, or the hub's slice of it (`StoredDocuments.hub`).
    public let problemText: String
    /// The `carehub.roster/1` text it produced (for every hub generated together), or the hub's slice.
    public let rosterText: String
    /// True when the texts are the hub's slice of a multi-hub run rather than the whole run's.
    public let isHubSlice: Bool
}

/// Which documents `RosterRepository.find` reads for a version made with other hubs.
public enum StoredDocuments: Sendable {
    /// The whole run's problem and roster (what `problem export` writes, to replay the run), or
    /// the hub's slice when the whole is not readable: someone acting for a hub may read only
    /// their hub's part of a run over several hubs (migration 0020's policy).
    case whole
    /// The hub's slice of them (`Problem.slice(hub:working:)`) when one was stored, else the whole:
    /// enough for every view of the hub (show, diff, export, publish, reports) at the cost of that hub alone.
    case hub
}

/// Why a roster change the user asked for was refused (not a draft, stale, unknown version,
/// too many pins). Failures of carehub itself are `RosterIntegrityError`.
public struct RosterRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    /// The draft's data changed since it was generated: publishing it anyway is the person's call.
    public let isStale: Bool
    public init(_ description: String, isStale: Bool = false) {
        self.description = description
        self.isStale = isStale
    }
}

/// Stores draft rosters, finds versions, publishes, pins.
///
/// Every change that can race with a publish or a rebalance takes the hub's advisory
/// transaction lock (`AdvisoryLockKey.hub`), always in hub-code order to avoid deadlocks.
public struct RosterRepository {
    let db: Connection

    /// A repository over a connection.
    public init(_ db: Connection) { self.db = db }

    /// Stores a new draft version for each hub of a generate run, in one transaction.
    /// `roster` is the engine's output for all the hubs; each hub's row gets its own visits.
    /// Returns (hub, version) pairs.
    public func saveDrafts(
        week: ISOWeek, problem: Problem, problemText: String, roster: Roster, rosterText: String, seed: UInt64,
        settings: [String: String], actor: String, only: [String]? = nil
    ) throws -> [(hub: String, version: Int)] {
        let hubs = problem.hubs.map(\.id).sorted().filter { only?.contains($0) ?? true }
        let clientHub = Dictionary(uniqueKeysWithValues: problem.clients.map { ($0.id, $0.hub) })
        let visitHub = Dictionary(uniqueKeysWithValues: problem.visits.map { ($0.id, clientHub[$0.client] ?? "") })
        var settingsJSON = settings
        settingsJSON["hubs"] = problem.hubs.map(\.id).sorted().joined(separator: ",")
        let settingsText = try jsonObject(settingsJSON)
        let objectiveText = String(decoding: try JSONEncoder().encode(roster.objective), as: UTF8.self)
        let slices = try HubSlices.encode(hubs, problem: problem, roster: roster, visitHub: visitHub)
        return try db.transaction { db in
            // The run's documents once, whatever the number of hubs; each hub's row names them.
            let problemDigest = try storeDocument(problemText, db)
            let rosterDigest = try storeDocument(rosterText, db)
            var saved: [(String, Int)] = []
            for hub in hubs {
                guard let hubID = try HubRepository(db).find(code: hub)?.id else {
                    throw ReferenceError(writing: "roster", missingKind: "hub", missingID: hub)
                }
                try db.advisoryTransactionLock(.hub(hubID))
                let version: Int = try db.query(
                    """
                    SELECT coalesce(max(version), 0) + 1 AS v FROM rosters WHERE hub_id = \(hubID) AND iso_week = \(week.description)
                    """
                ).rows[0].decode("v")
                let rosterID: Int = try db.query(
                    """
                    INSERT INTO rosters (hub_id, iso_week, version, status, seed, settings, objective, created_by)
                    VALUES (\(hubID), \(week.description), \(version), 'draft', \(Int64(bitPattern: seed)), \(settingsText)::jsonb,
                            \(objectiveText)::jsonb, \(actor))
                    RETURNING id
                    """
                ).rows[0].decode("id")
                let mine = roster.assignments.filter { visitHub[$0.visit] == hub }
                var visitIDs: [Int] = []
                var carerIDs: [String] = []
                var starts: [String] = []
                for a in mine {
                    for c in a.carers {
                        visitIDs.append(Int(a.visit) ?? -1)
                        carerIDs.append(c)
                        starts.append(a.start)
                    }
                }
                let inserted = try db.execute(
                    """
                    INSERT INTO roster_assignments (roster_id, visit_id, carer_id, starts_at)
                    SELECT \(rosterID), x.visit, c.id, x.start
                    FROM unnest(\(visitIDs)::bigint[], \(carerIDs)::text[], \(starts)::timestamptz[]) AS x(visit, carer, start)
                    JOIN carers c ON c.external_id = x.carer
                    """)
                guard inserted == visitIDs.count else {
                    throw RosterIntegrityError.unknownCarersOrVisits
                }
                FaultPoint.reach("generate")
                let unassigned = roster.unassigned.filter { visitHub[$0.visit] == hub }
                try db.execute(
                    """
                    INSERT INTO roster_unassigned (roster_id, visit_id, reason)
                    SELECT \(rosterID), x.visit, x.reason FROM unnest(\(unassigned.map { Int($0.visit) ?? -1 })::bigint[],
                                                                      \(unassigned.map(\.reason))::text[]) AS x(visit, reason)
                    """)
                let hubProblemDigest = try slices[hub].map { try storeDocument($0.problem, db) }
                let hubRosterDigest = try slices[hub].map { try storeDocument($0.roster, db) }
                try db.execute(
                    """
                    INSERT INTO roster_files (roster_id, problem_digest, roster_digest, hub_problem_digest, hub_roster_digest)
                    VALUES (\(rosterID), \(problemDigest), \(rosterDigest), \(hubProblemDigest), \(hubRosterDigest))
                    """)
                try db.execute(
                    """
                    INSERT INTO roster_changes (roster_id, hub_id, action, reason, actor)
                    VALUES (\(rosterID), \(hubID), 'generated', \("draft version \(version)"), \(actor))
                    """)
                saved.append((hub, version))
            }
            return saved
        }
    }

    /// Stores a document once (kept if the same text is there already) and returns its digest.
    /// The text is sent once and hashed by the server, so client and database cannot disagree;
    /// a function (sql/0019) so that people acting may add documents they cannot yet read.
    private func storeDocument(_ text: String, _ db: Connection) throws -> String {
        try db.query("SELECT carehub_store_document(\(text)) AS digest").rows[0].decode("digest")
    }

    /// A version of a hub's week (the newest when `version` is nil), or nil.
    /// `documents` chooses the whole run's documents or the hub's slice of them.
    public func find(hub: String, week: ISOWeek, version: Int? = nil, documents: StoredDocuments = .whole) throws -> StoredRoster? {
        let sliced = documents == .hub
        // Rows from before 0018 hold their texts inline; from 0019 a multi-hub run's rows also name
        // the hub's slices. Which text is read: the one asked for, else the other when it is absent
        // or hidden from the acting role.
        guard
            let row = try db.query(
                """
                SELECT r.id, h.code, r.iso_week, r.version, r.status, r.seed, r.created_at, r.settings->>'hubs' AS hubs,
                       CASE WHEN \(sliced) THEN coalesce(f.problem, sp.body, wp.body) ELSE coalesce(f.problem, wp.body, sp.body) END AS problem,
                       CASE WHEN \(sliced) THEN coalesce(f.roster, sr.body, wr.body) ELSE coalesce(f.roster, wr.body, sr.body) END AS roster,
                       f.problem IS NULL AND sp.digest IS NOT NULL AND (\(sliced) OR wp.digest IS NULL) AS hub_slice
                FROM rosters r JOIN hubs h ON h.id = r.hub_id JOIN roster_files f ON f.roster_id = r.id
                LEFT JOIN roster_documents wp ON wp.digest = f.problem_digest
                LEFT JOIN roster_documents wr ON wr.digest = f.roster_digest
                LEFT JOIN roster_documents sp ON sp.digest = f.hub_problem_digest
                LEFT JOIN roster_documents sr ON sr.digest = f.hub_roster_digest
                WHERE h.code = \(hub) AND r.iso_week = \(week.description) AND (\(version)::int IS NULL OR r.version = \(version))
                ORDER BY r.version DESC LIMIT 1
                """
            ).rows.first
        else { return nil }
        let hubs: String = try row.decode("hubs", as: String?.self) ?? hub
        guard let problemText = try row.decode("problem", as: String?.self), let rosterText = try row.decode("roster", as: String?.self) else {
            throw RosterRefusal("version of \(hub) \(week) is not readable: its documents cover hubs you may not see")
        }
        return StoredRoster(
            id: try row.decode("id"), hubCode: try row.decode("code"), week: try row.decode("iso_week"), version: try row.decode("version"),
            status: try row.decode("status"), seed: try row.decode("seed"), createdAt: try row.decode("created_at"),
            hubs: hubs.split(separator: ",").map(String.init), problemText: problemText, rosterText: rosterText,
            isHubSlice: try row.decode("hub_slice"))
    }

    /// Hubs and weeks with a published roster whose Monday is from `from` to `to`, one hub or all.
    public func publishedWeeks(from: LocalDate, to: LocalDate, hub: String?) throws -> [(hub: String, week: ISOWeek)] {
        try db.query(
            """
            SELECT h.code, r.iso_week FROM rosters r JOIN hubs h ON h.id = r.hub_id
            WHERE r.status = 'published' AND to_date(r.iso_week, 'IYYY-"W"IW') BETWEEN \(from)::date AND \(to)::date
              AND (\(hub)::text IS NULL OR h.code = \(hub))
            ORDER BY r.iso_week, h.code
            """
        ).rows.compactMap { row in
            guard let week = ISOWeek(iso: try row.decode("iso_week")) else { return nil }
            return (try row.decode("code"), week)
        }
    }

    /// The published version of a hub's week, or nil.
    public func published(hub: String, week: ISOWeek) throws -> Int? {
        try db.query(
            """
            SELECT r.version FROM rosters r JOIN hubs h ON h.id = r.hub_id
            WHERE h.code = \(hub) AND r.iso_week = \(week.description) AND r.status = 'published'
            """
        ).rows.first?.decode("version")
    }

    /// Publishes a draft atomically: it becomes `published` (and immutable), the previously
    /// published version `superseded`. `currentProblem` rebuilds, from today's data, the text the
    /// stored version holds (the hub's slice of its run when it has one, else the whole run's
    /// problem); if the two differ, the draft is stale and refused unless `force`. A hub's draft
    /// goes stale when its own clients, visits or the carers who may work there change, not when
    /// another hub of the run does. Returns the superseded version, if any.
    @discardableResult
    public func publish(
        hub: String, week: ISOWeek, version: Int, force: Bool, actor: String,
        currentProblem: (Connection, StoredRoster) throws -> String
    ) throws -> Int? {
        try db.transaction { db in
            guard let hubID = try HubRepository(db).find(code: hub)?.id else {
                throw ReferenceError(writing: "publish", missingKind: "hub", missingID: hub)
            }
            try db.advisoryTransactionLock(.hub(hubID))
            guard let stored = try RosterRepository(db).find(hub: hub, week: week, version: version, documents: .hub) else {
                throw RosterRefusal("no version \(version) of \(hub) \(week); `carehub roster show --hub \(hub) --week \(week)` lists what exists")
            }
            guard stored.status == .draft else {
                throw RosterRefusal("version \(version) of \(hub) \(week) is \(stored.status.rawValue); only a draft can be published")
            }
            if !force, try currentProblem(db, stored) != stored.problemText {
                throw RosterRefusal(
                    """
                    version \(version) of \(hub) \(week) is stale: visits, carers, shifts or pins changed since it was generated; \
                    generate a new draft, or publish anyway with --force
                    """, isStale: true)
            }
            let previous: Int? = try db.query(
                """
                UPDATE rosters SET status = 'superseded' WHERE hub_id = \(hubID) AND iso_week = \(week.description) AND status = 'published'
                RETURNING version
                """
            ).rows.first?.decode("version")
            FaultPoint.reach("publish")
            try db.execute("UPDATE rosters SET status = 'published', published_at = now() WHERE id = \(stored.id)")
            if let previous {
                try db.execute(
                    """
                    INSERT INTO roster_changes (roster_id, hub_id, action, reason, actor)
                    SELECT id, \(hubID), 'superseded', \("by version \(version)"), \(actor) FROM rosters
                    WHERE hub_id = \(hubID) AND iso_week = \(week.description) AND version = \(previous)
                    """)
            }
            try db.execute(
                """
                INSERT INTO roster_changes (roster_id, hub_id, action, reason, actor)
                VALUES (\(stored.id), \(hubID), 'published', \(force ? "published with --force" : "published"), \(actor))
                """)
            return previous
        }
    }

    /// Pins a carer to a visit (respected by the next generate); returns false if already pinned.
    @discardableResult
    public func pin(visit: Int, carer: String, actor: String) throws -> Bool {
        try db.transaction { db in
            guard
                let row = try db.query(
                    """
                    SELECT v.carers_needed, h.id AS hub_id, c.id AS carer_id,
                           (SELECT count(*) FROM visit_pins p WHERE p.visit_id = v.id) AS pins
                    FROM visits v JOIN clients cl ON cl.id = v.client_id JOIN hubs h ON h.id = cl.hub_id, carers c
                    WHERE v.id = \(visit) AND c.external_id = \(carer)
                    """
                ).rows.first
            else { throw RosterRefusal("no visit \(visit) or no carer \(carer)") }
            let needed: Int = try row.decode("carers_needed")
            let pins: Int = try row.decode("pins")
            let added = try db.execute(
                """
                INSERT INTO visit_pins (visit_id, carer_id, pinned_by) VALUES (\(visit), \(try row.decode("carer_id", as: Int.self)), \(actor))
                ON CONFLICT DO NOTHING
                """)
            if added == 1 && pins + 1 > needed {
                throw RosterRefusal("visit \(visit) needs \(needed) carer(s) and already has \(pins) pinned; unpin one first")
            }
            if added == 1 {
                try db.execute(
                    """
                    INSERT INTO roster_changes (hub_id, visit_id, carer_id, action, actor)
                    VALUES (\(try row.decode("hub_id", as: Int.self)), \(visit), \(try row.decode("carer_id", as: Int.self)), 'pinned', \(actor))
                    """)
            }
            return added == 1
        }
    }

    /// Removes a pin; returns false if there was none.
    @discardableResult
    public func unpin(visit: Int, carer: String, actor: String) throws -> Bool {
        try db.transaction { db in
            guard
                let row = try db.query(
                    """
                    DELETE FROM visit_pins p USING carers c WHERE p.visit_id = \(visit) AND p.carer_id = c.id AND c.external_id = \(carer)
                    RETURNING p.carer_id, (SELECT cl.hub_id FROM visits v JOIN clients cl ON cl.id = v.client_id WHERE v.id = \(visit)) AS hub_id
                    """
                ).rows.first
            else { return false }
            try db.execute(
                """
                INSERT INTO roster_changes (hub_id, visit_id, carer_id, action, actor)
                VALUES (\(try row.decode("hub_id", as: Int.self)), \(visit), \(try row.decode("carer_id", as: Int.self)), 'unpinned', \(actor))
                """)
            return true
        }
    }

    private func jsonObject(_ dictionary: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(dictionary), as: UTF8.self)
    }
}
