/// Tables whose rows others refer to by external identifier (a hub by its code).
public enum ReferencedTable: Sendable {
    case hubs, carers, clients, vacancies

    /// Every identifier of the table, as one `id` column.
    var identifiers: SQLQuery {
        switch self {
        case .hubs: return "SELECT code AS id FROM hubs"
        case .carers: return "SELECT external_id AS id FROM carers"
        case .clients: return "SELECT external_id AS id FROM clients"
        case .vacancies: return "SELECT external_id AS id FROM vacancies"
        }
    }
}

/// Reads which external identifiers exist, so writes can name what they refer to that is missing.
public struct ExternalIDRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Known identifiers of a table (the importers check references with line numbers before writing).
    public func all(_ table: ReferencedTable) throws -> Set<String> {
        Set(try db.query(table.identifiers).rows.map { try $0.decode("id") })
    }

    /// The first of `ids` that `table` lacks, or nil when all exist.
    func firstMissing(_ ids: [String], in table: ReferencedTable) throws -> String? {
        if ids.isEmpty { return nil }
        return try db.query(
            """
            SELECT x AS id FROM unnest(\(ids)::text[]) AS x WHERE x NOT IN (SELECT id FROM (\(table.identifiers)) AS t) ORDER BY x LIMIT 1
            """
        ).rows.first?.decode("id")
    }
}
