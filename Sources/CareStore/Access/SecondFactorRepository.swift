/// The second factor's state (migration 0024): each person's TOTP secret and the last time step
/// accepted, and the secret offered to a session still enrolling. For the administration
/// connection only, like `password_hash`: no group role may read the secrets.
///
/// Codes themselves are computed by the web server (`CareWeb`); this store only keeps secrets
/// and refuses a step that is not newer than the last one accepted, in the same statement.
public struct SecondFactorRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// The person's secret, or nil when they have not enrolled (or are disabled).
    public func secret(personID: Int) throws -> String? {
        try db.query("SELECT totp_secret FROM people WHERE id = \(personID) AND active").rows.first?.decode("totp_secret", as: String?.self)
    }

    /// Accepts a code's time step for the person when it is newer than the last one accepted;
    /// false for a step already used (a replayed code) or an older one.
    public func accept(personID: Int, step: Int) throws -> Bool {
        try db.execute(
            """
            UPDATE people SET totp_last_step = \(step)
            WHERE id = \(personID) AND active AND (totp_last_step IS NULL OR totp_last_step < \(step))
            """) == 1
    }

    /// Enrols a person: stores their secret, with `step` as the code already given (nil: none).
    /// Returns false when the person enrolled meanwhile (another session won the race: its
    /// secret stays, this one is not written).
    @discardableResult
    public func enrol(personID: Int, secret: String, step: Int?) throws -> Bool {
        guard try db.query("SELECT 1 FROM people WHERE id = \(personID)").count > 0 else { throw PeopleError.unknownPerson("#\(personID)") }
        return try db.execute(
            "UPDATE people SET totp_secret = \(secret), totp_last_step = \(step) WHERE id = \(personID) AND totp_secret IS NULL") == 1
    }

    /// Clears the secret of the person with this e-mail (a lost phone: they enrol again at their
    /// next sign-in); the database also ends their sessions and audits the change. False when
    /// they had none. Runs as the administration login or an admin acting.
    @discardableResult
    public func reset(email: String) throws -> Bool {
        // A function (0024): an admin acting may clear the secret without reading its column.
        let changed: Bool = try db.query("SELECT carehub_reset_totp(\(email)) AS changed").rows[0].decode("changed")
        if !changed, try db.query("SELECT 1 FROM people WHERE lower(email) = lower(\(email))").count == 0 {
            throw PeopleError.unknownPerson(email)
        }
        return changed
    }

    /// The secret offered to the session with this token while its person enrols: the one already
    /// offered, else `candidate`, kept with the session (so reloading the page shows the same one).
    public func enrolmentSecret(token: String, candidate: String) throws -> String? {
        try db.query(
            """
            UPDATE web_sessions SET enrol_secret = coalesce(enrol_secret, \(candidate))
            WHERE token_hash = encode(sha256(convert_to(\(token), 'UTF8')), 'hex') AND second_factor_due
            RETURNING enrol_secret
            """
        ).rows.first?.decode("enrol_secret")
    }
}
