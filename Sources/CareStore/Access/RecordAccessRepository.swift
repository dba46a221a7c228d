import CareModel
import Foundation

/// The parts of one person's record the acting person reaches (migration 0029), so a page can
/// say "not shared with you" instead of showing an empty record as if none were written.
public struct RecordReach: Sendable, Hashable {
    /// Name, date of birth, hub: who the person is.
    public let person: Bool
    public let record: Bool
    public let carePlan: Bool
    public let notes: Bool

    /// Reach part by part.
    public init(person: Bool, record: Bool, carePlan: Bool, notes: Bool) {
        self.person = person
        self.record = record
        self.carePlan = carePlan
        self.notes = notes
    }

    /// Everything: the administration login, which acts for no one.
    public static let everything = RecordReach(person: true, record: true, carePlan: true, notes: true)
}

/// One break-glass grant as the administrator reviews it: whose record (external id and hub,
/// never a name), who opened it, why, and whether it has been reviewed.
public struct BreakGlassGrant: Sendable, Hashable {
    public let id: Int
    public let clientID: String
    public let hub: String
    public let personEmail: String
    public let personName: String
    public let reason: String
    /// Instants as ISO 8601 text in UTC, as the audit trail prints them.
    public let grantedAt: String
    public let expiresAt: String
    /// E-mail of the reviewer (or "administration login"); nil while waiting.
    public let reviewedBy: String?
    public let reviewedAt: String?
    public let reviewNote: String?
}

/// Why a break-glass request was refused, naming only what was typed.
public enum BreakGlassError: Error, Sendable, Equatable, CustomStringConvertible {
    case reasonTooShort
    case reasonTooLong
    case minutesOutOfRange(Int)
    case alreadyOpen

    public var description: String {
        switch self {
        case .reasonTooShort: "give a reason of at least 10 characters: it is what the review reads"
        case .reasonTooLong: "the reason is longer than 1,000 characters"
        case .minutesOutOfRange(let m): "--minutes \(m): break-glass access lasts from 1 minute to 12 hours (720)"
        case .alreadyOpen: "break-glass access to this record is open to you already; a new grant may follow when it closes"
        }
    }
}

/// Who reaches which record, break-glass access and its review. The rules live in the database
/// (`carehub_person_reach`); this only asks it.
public struct RecordAccessRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// What the acting person reaches of the client with this external id; nil when they do not
    /// even reach who the person is (or there is no such client).
    public func reach(clientExternalID: String) throws -> RecordReach? {
        guard db.actingPerson != nil else {
            let exists = try db.query("SELECT 1 FROM clients WHERE external_id = \(clientExternalID)").rows.first != nil
            return exists ? .everything : nil
        }
        guard
            let row = try db.query(
                """
                SELECT c.id = ANY (carehub_record_clients('person')) AS person, c.id = ANY (carehub_record_clients('record')) AS record,
                       c.id = ANY (carehub_record_clients('care_plan')) AS care_plan, c.id = ANY (carehub_record_clients('notes')) AS notes
                FROM clients c WHERE c.external_id = \(clientExternalID)
                """
            ).rows.first
        else { return nil }
        let reach = RecordReach(
            person: try row.decode("person"), record: try row.decode("record"), carePlan: try row.decode("care_plan"),
            notes: try row.decode("notes"))
        return reach.person ? reach : nil
    }

    /// Whether the acting person may write the client's record (journey) and notes: as they read
    /// them, except through break-glass, which is read only.
    public func writes(clientExternalID: String) throws -> (record: Bool, notes: Bool) {
        guard db.actingPerson != nil else { return (true, true) }
        guard
            let row = try db.query(
                """
                SELECT c.id = ANY (carehub_record_clients('record+write')) AS record, c.id = ANY (carehub_record_clients('notes+write')) AS notes
                FROM clients c WHERE c.external_id = \(clientExternalID)
                """
            ).rows.first
        else { return (false, false) }
        return (try row.decode("record"), try row.decode("notes"))
    }

    /// Opens the record of the client with this external id to the acting practitioner for
    /// `minutes`, for `reason`; when it closes (ISO 8601, UTC), or nil for no such client.
    public func breakGlass(clientExternalID: String, reason: String, minutes: Int) throws -> String? {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.unicodeScalars.count >= 10 else { throw BreakGlassError.reasonTooShort }
        guard reason.unicodeScalars.count <= 1000 else { throw BreakGlassError.reasonTooLong }
        guard (1...720).contains(minutes) else { throw BreakGlassError.minutesOutOfRange(minutes) }
        do {
            return try db.query(
                """
                SELECT to_char(carehub_break_glass(\(clientExternalID), \(reason), \(minutes)) AT TIME ZONE 'UTC',
                               'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS until
                """
            ).rows[0].decode("until", as: String?.self)
        } catch let error as StoreError where error.code == .checkViolation && error.constraint == "record_access_grants_one_open" {
            throw BreakGlassError.alreadyOpen
        }
    }

    /// Every break-glass grant, oldest first, or only those waiting for review.
    public func grants(waitingOnly: Bool) throws -> [BreakGlassGrant] {
        try db.query(
            """
            SELECT id, client, hub, person_email, person_name, reason,
                   to_char(granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS granted_at,
                   to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires_at, reviewed_by,
                   to_char(reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS reviewed_at, review_note
            FROM carehub_break_glass_grants(\(waitingOnly))
            """
        ).rows.map { row in
            BreakGlassGrant(
                id: try row.decode("id"), clientID: try row.decode("client"), hub: try row.decode("hub"),
                personEmail: try row.decode("person_email"), personName: try row.decode("person_name"), reason: try row.decode("reason"),
                grantedAt: try row.decode("granted_at"), expiresAt: try row.decode("expires_at"),
                reviewedBy: try row.decode("reviewed_by", as: String?.self), reviewedAt: try row.decode("reviewed_at", as: String?.self),
                reviewNote: try row.decode("review_note", as: String?.self))
        }
    }

    /// Records the acting administrator's review of a waiting grant; false when no such grant
    /// waits (unknown, or reviewed already).
    public func review(grantID: Int, note: String) throws -> Bool {
        try db.query("SELECT carehub_review_break_glass(\(grantID), \(note)) AS done").rows[0].decode("done")
    }
}
