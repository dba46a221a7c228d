import CareModel

/// Why a journey or handover write was refused, naming only identifiers.
public enum JourneyError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownClient(String)
    case unknownDischarge(String)
    case notWaiting(Int)
    case notReceiver(String)
    case notLeadOrManager(String)

    public var description: String {
        switch self {
        case .unknownClient(let id): "\(id): no such client, or not one whose record you may reach"
        case .unknownDischarge(let id): "\(id): no such hospital discharge of the person's hub"
        case .notWaiting(let id): "handover \(id): no such handover waiting for you"
        case .notReceiver(let email): "\(email) is not active staff of the person's hub, or is you or their lead already"
        case .notLeadOrManager(let id): "\(id): only the person's lead professional or a manager of their hub hands them over"
        }
    }
}

/// Reads and adds a person's journey (`journey_episodes`, migration 0031) and hands people over
/// between lead professionals (`handovers`). Row-level security decides whose journeys the acting
/// person reaches; the database records who recorded each episode.
public struct JourneyRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// The instant of a local date (and time, else midnight) in the client's hub's time zone, or
    /// nil when the acting person does not reach the client.
    public func instant(clientExternalID: String, date: LocalDate, time: LocalTime?) throws -> Instant? {
        let local = "\(date) \(time?.description ?? "00:00")"
        return try db.query(
            """
            SELECT (\(local)::timestamp AT TIME ZONE h.timezone) AS at FROM clients c JOIN hubs h ON h.id = c.hub_id
            WHERE c.external_id = \(clientExternalID)
            """
        ).rows.first.map { try $0.decode("at") }
    }

    /// Adds an episode; its id. `episode.dischargeID` names a hospital discharge of the person's hub.
    @discardableResult
    public func add(_ episode: JourneyEpisode, clientExternalID: String) throws -> Int {
        guard let client = try db.query("SELECT id FROM clients WHERE external_id = \(clientExternalID)").rows.first else {
            throw JourneyError.unknownClient(clientExternalID)
        }
        let clientID: Int = try client.decode("id")
        var dischargeID: Int?
        if let discharge = episode.dischargeID {
            // Only a discharge the database lets this person name: linked to the client already, or
            // (for a manager of the hub) one of the hub not yet linked to anyone.
            dischargeID = try db.query("SELECT carehub_discharge_for_episode(\(discharge), \(clientID)) AS id").rows[0].decode("id", as: Int?.self)
            guard dischargeID != nil else { throw JourneyError.unknownDischarge(discharge) }
        }
        do {
            return try db.query(
                """
                INSERT INTO journey_episodes (client_id, kind, started_at, ended_at, discharge_id, goals, outcome)
                VALUES (\(clientID), \(episode.kind.rawValue), \(episode.startedAt)::timestamptz, \(episode.endedAt)::timestamptz,
                        \(dischargeID), \(episode.goals), \(episode.outcome?.rawValue))
                RETURNING id
                """
            ).rows[0].decode("id")
        } catch let error as StoreError where error.code == .checkViolation && error.constraint == "journey_episodes_discharge_of_client" {
            throw JourneyError.unknownDischarge(episode.dischargeID ?? "")
        }
    }

    /// Ends a lasting episode of the client (an admission, reablement, long-term care) at `at`,
    /// with reablement's outcome; false when no such open episode of theirs is visible.
    public func end(episodeID: Int, clientExternalID: String, at: Instant, outcome: JourneyEpisode.Outcome?) throws -> Bool {
        try db.execute(
            """
            UPDATE journey_episodes SET ended_at = \(at)::timestamptz, outcome = \(outcome?.rawValue)
            WHERE id = \(episodeID) AND ended_at IS NULL AND client_id = (SELECT id FROM clients WHERE external_id = \(clientExternalID))
            """) > 0
    }

    /// The client's episodes in time order (empty when the acting person does not reach their
    /// record); the read is recorded in the audit trail in the same transaction.
    public func episodes(clientExternalID: String) throws -> [JourneyEpisode] {
        try db.execute("SELECT carehub_record_journey_read(id) FROM clients WHERE external_id = \(clientExternalID)")
        return try db.query(
            """
            SELECT e.id, e.kind, e.started_at, e.ended_at, carehub_episode_discharge(e.id) AS discharge, e.goals, e.outcome,
                   e.recorded_name
            FROM journey_episodes e JOIN clients c ON c.id = e.client_id
            WHERE c.external_id = \(clientExternalID) ORDER BY e.started_at, e.id
            """
        ).rows.map { row in
            JourneyEpisode(
                id: try row.decode("id"), kind: JourneyEpisode.Kind(rawValue: try row.decode("kind")) ?? .noCare,
                startedAt: try row.decode("started_at"), endedAt: try row.decode("ended_at", as: Instant?.self),
                dischargeID: try row.decode("discharge", as: String?.self), goals: try row.decode("goals", as: String?.self),
                outcome: try row.decode("outcome", as: String?.self).flatMap(JourneyEpisode.Outcome.init(rawValue:)),
                recordedBy: try row.decode("recorded_name"))
        }
    }

    /// Hands the client over to the member of staff with this e-mail; the handover's id. The
    /// database checks who may hand over and to whom.
    public func handOver(clientExternalID: String, toEmail: String, note: String?) throws -> Int {
        guard let client = try db.query("SELECT id FROM clients WHERE external_id = \(clientExternalID)").rows.first else {
            throw JourneyError.unknownClient(clientExternalID)
        }
        let clientID: Int = try client.decode("id")
        do {
            return try db.query("SELECT carehub_hand_over(\(clientID), \(toEmail), \(note)) AS id").rows[0].decode("id")
        } catch let error as StoreError where error.code == .checkViolation && error.constraint == "handovers_receiver" {
            throw JourneyError.notReceiver(toEmail)
        } catch let error as AccessRefused where error.refusal.contains("hands them over") {
            throw JourneyError.notLeadOrManager(clientExternalID)
        } catch let error as StoreError where error.code == .insufficientPrivilege {
            throw JourneyError.notLeadOrManager(clientExternalID)
        }
    }

    /// Accepts a handover made to the acting person, who becomes the lead.
    public func accept(handoverID: Int) throws {
        // False also when the receiver is no longer active staff of the person's hub.
        let done: Bool = try db.query("SELECT carehub_accept_handover(\(handoverID)) AS done").rows[0].decode("done")
        guard done else { throw JourneyError.notWaiting(handoverID) }
    }

    /// Handovers the acting person can see: of one client (all, oldest first; their notes where
    /// the reader reaches the record or receives the handover, a read recorded with the journey
    /// unless `episodes` recorded it already: `recordRead` false), or every waiting one (oldest
    /// first, without notes; `hubCode` narrows to one hub).
    public func handovers(clientExternalID: String? = nil, waitingOnly: Bool = false, hubCode: String? = nil, recordRead: Bool = true) throws
        -> [Handover]
    {
        if let clientExternalID, recordRead {
            try db.execute("SELECT carehub_record_journey_read(id) FROM clients WHERE external_id = \(clientExternalID)")
        }
        return try db.query(
            """
            SELECT o.id, c.external_id AS client, o.from_name, o.from_service, o.to_name, o.to_service, o.to_person, o.handed_at, o.accepted_at,
                   o.withdrawn_at, CASE WHEN \(clientExternalID)::text IS NULL THEN NULL ELSE carehub_handover_note(o.id) END AS note
            FROM handovers o JOIN clients c ON c.id = o.client_id JOIN hubs h ON h.id = c.hub_id
            WHERE (\(clientExternalID)::text IS NULL OR c.external_id = \(clientExternalID))
              AND (NOT \(waitingOnly) OR (o.accepted_at IS NULL AND o.withdrawn_at IS NULL))
              AND (\(hubCode)::text IS NULL OR h.code = \(hubCode))
            ORDER BY o.handed_at, o.id
            """
        ).rows.map { row in
            Handover(
                id: try row.decode("id"), clientID: try row.decode("client"), fromName: try row.decode("from_name"),
                fromService: try row.decode("from_service", as: String?.self), toName: try row.decode("to_name"),
                toService: try row.decode("to_service"), toPersonID: try row.decode("to_person"), handedAt: try row.decode("handed_at"),
                acceptedAt: try row.decode("accepted_at", as: Instant?.self), withdrawnAt: try row.decode("withdrawn_at", as: Instant?.self),
                note: try row.decode("note", as: String?.self))
        }
    }
}
