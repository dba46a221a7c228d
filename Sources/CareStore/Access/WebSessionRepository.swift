import CareModel

/// A signed-in web session: who it is for and the token forms must echo back.
public struct WebSession: Sendable, Equatable {
    /// The person the server acts for.
    public let person: ActingPerson
    /// Their name, for the page header.
    public let name: String
    /// Hubs the person belongs to (managers, HR, scheduler), by code.
    public let hubCodes: [String]
    /// The anti-forgery token every form that changes something must carry.
    public let csrfToken: String
    /// True while a manager or admin has given their password but not yet their second factor:
    /// the session is half open (migration 0024).
    public var secondFactorDue: Bool = false
}

/// Sign-in sessions and failed sign-ins (migration 0022), for the administration connection of
/// `carehub serve` only. Tokens are 256 random bits; the table keeps their SHA-256 (computed by
/// the server), so a copy of it cannot be replayed as a cookie.
public struct WebSessionRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// How long sessions last: `idleMinutes` since the last request, `absoluteMinutes` at most.
    public struct Limits: Sendable {
        public var idleMinutes: Int
        public var absoluteMinutes: Int

        public init(idleMinutes: Int = 30, absoluteMinutes: Int = 12 * 60) {
            self.idleMinutes = idleMinutes
            self.absoluteMinutes = absoluteMinutes
        }
    }

    /// How long a half-open session (second factor due) may wait for its code.
    public static let secondFactorMinutes = 10

    /// Opens a session for an active person; returns the cookie's token (shown to no one else).
    /// Records the sign-in in the audit trail. With `secondFactorDue` the session is half open
    /// until `passSecondFactor`.
    public func open(person: ActingPerson, limits: Limits, secondFactorDue: Bool = false) throws -> String {
        let token = RandomToken.make()
        try db.transaction { db in
            try db.execute(
                """
                INSERT INTO web_sessions (token_hash, person_id, csrf_token, expires_at, second_factor_due)
                VALUES (encode(sha256(convert_to(\(token), 'UTF8')), 'hex'), \(person.id), \(RandomToken.make()),
                        now() + make_interval(mins => \(limits.absoluteMinutes)), \(secondFactorDue))
                """)
            try db.execute("INSERT INTO audit_log (person_id, action, table_name) VALUES (\(person.id), 'sign-in', 'web_sessions')")
        }
        return token
    }

    /// The live session of a token, touched (its idle clock restarts, to the minute); nil when unknown, expired,
    /// idle too long, its person is disabled, or it waited too long for its second factor.
    public func find(token: String, limits: Limits) throws -> WebSession? {
        guard
            let row = try db.query(
                """
                SELECT s.token_hash, s.last_seen < now() - interval '1 minute' AS stale_touch,
                       p.id, p.email, p.role, p.name, s.csrf_token, s.second_factor_due,
                       (SELECT string_agg(h.code, ';' ORDER BY h.code) FROM person_hubs ph JOIN hubs h ON h.id = ph.hub_id
                        WHERE ph.person_id = p.id) AS hubs
                FROM web_sessions s JOIN people p ON p.id = s.person_id
                WHERE s.token_hash = encode(sha256(convert_to(\(token), 'UTF8')), 'hex') AND p.active
                  AND s.expires_at > now() AND s.last_seen > now() - make_interval(mins => \(limits.idleMinutes))
                  AND (NOT s.second_factor_due OR s.created_at > now() - make_interval(mins => \(Self.secondFactorMinutes)))
                """
            ).rows.first
        else { return nil }
        // The idle clock restarts at most once a minute: a page load is then a read, not a write
        // (and a commit to wait for) in the database.
        if try row.decode("stale_touch", as: Bool.self) {
            try db.execute("UPDATE web_sessions SET last_seen = now() WHERE token_hash = \(try row.decode("token_hash", as: String.self))")
        }
        let hubs: String = try row.decode("hubs", as: String?.self) ?? ""
        return WebSession(
            person: ActingPerson(id: try row.decode("id"), email: try row.decode("email"), role: try row.decode("role")),
            name: try row.decode("name"), hubCodes: hubs.split(separator: ";").map(String.init), csrfToken: try row.decode("csrf_token"),
            secondFactorDue: try row.decode("second_factor_due"))
    }

    /// Opens a half-open session fully once its second factor was given, under a new token (the
    /// old cookie, seen before the code, stops working); nil when the session is gone or was
    /// already open.
    public func passSecondFactor(token: String) throws -> String? {
        let fresh = RandomToken.make()
        let changed = try db.execute(
            """
            UPDATE web_sessions SET token_hash = encode(sha256(convert_to(\(fresh), 'UTF8')), 'hex'), second_factor_due = false,
                   enrol_secret = NULL, last_seen = now()
            WHERE token_hash = encode(sha256(convert_to(\(token), 'UTF8')), 'hex') AND second_factor_due
            """)
        return changed == 1 ? fresh : nil
    }

    /// Ends a session (signing out); records it in the audit trail. False when there was none.
    @discardableResult
    public func close(token: String) throws -> Bool {
        try db.transaction { db in
            guard
                let person: Int = try db.query(
                    """
                    DELETE FROM web_sessions WHERE token_hash = encode(sha256(convert_to(\(token), 'UTF8')), 'hex') RETURNING person_id
                    """
                ).rows.first?.decode("person_id")
            else { return false }
            try db.execute("INSERT INTO audit_log (person_id, action, table_name) VALUES (\(person), 'sign-out', 'web_sessions')")
            return true
        }
    }

    /// Records a failed sign-in against each key (an account, an address); only their hashes are kept.
    public func recordFailure(keys: [String]) throws {
        try db.execute(
            """
            INSERT INTO web_sign_in_failures (key_hash)
            SELECT encode(sha256(convert_to(k, 'UTF8')), 'hex') FROM unnest(\(keys)::text[]) AS k
            """)
    }

    /// Failed sign-ins against `key` in the last `minutes`.
    public func failures(key: String, minutes: Int) throws -> Int {
        try db.query(
            """
            SELECT count(*) AS n FROM web_sign_in_failures
            WHERE key_hash = encode(sha256(convert_to(\(key), 'UTF8')), 'hex') AND at > now() - make_interval(mins => \(minutes))
            """
        ).rows[0].decode("n")
    }
}

/// 256 random bits, URL-safe base64 without padding: session tokens, anti-forgery tokens, and
/// later carers' personal links. `SystemRandomNumberGenerator` reads the kernel's CSPRNG.
public enum RandomToken {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                out.append(alphabet[(buffer >> bits) & 63])
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (6 - bits)) & 63]) }
        return String(decoding: out, as: UTF8.self)
    }
}
