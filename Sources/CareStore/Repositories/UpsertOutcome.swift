/// What an upsert did to one record: the counts `carehub import` and `--dry-run` report.
public enum UpsertOutcome: Sendable, Equatable {
    case new, updated, unchanged
}

extension QueryResult {
    /// Reads `inserted` from an upsert's `RETURNING (xmax = 0) AS inserted`: no row means the
    /// `WHERE … IS DISTINCT FROM` guard found nothing to change (or the referenced row is missing).
    func upsertOutcome() throws -> UpsertOutcome {
        guard let row = rows.first else { return .unchanged }
        return try row.decode("inserted", as: Bool.self) ? .new : .updated
    }
}
