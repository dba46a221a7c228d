/// Where and how to connect, in libpq's own terms.
///
/// With no settings at all libpq reads the standard environment (`PGHOST`, `PGPORT`,
/// `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSERVICE`, `PGSSLMODE`…) and `~/.pgpass`; a
/// `DATABASE_URL` (or an explicit URL) is passed as libpq's expanded `dbname`, so any
/// setting it lacks still falls back to that environment.
public struct ConnectionConfiguration: Sendable {
    /// A `postgresql://` URI or a `key=value` conninfo string; nil to use the environment only.
    public var url: String?
    /// Keyword overrides applied after the URL (for example `dbname` for a test database).
    public var overrides: [(keyword: String, value: String)]

    /// A configuration from explicit parts.
    public init(url: String? = nil, overrides: [(keyword: String, value: String)] = []) {
        self.url = url
        self.overrides = overrides
    }

    /// The configuration carehub uses by default: `DATABASE_URL` when set, else the PG* variables.
    public static func fromEnvironment(_ environment: [String: String]) -> ConnectionConfiguration {
        let url = environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return ConnectionConfiguration(url: url)
    }

    /// The same configuration connecting to another database on the same server.
    public func database(_ name: String) -> ConnectionConfiguration {
        var copy = self
        copy.overrides.removeAll { $0.keyword == "dbname" }
        copy.overrides.append((keyword: "dbname", value: name))
        return copy
    }

    /// Keyword/value pairs for `PQconnectdbParams`, URL first so later keywords override it.
    var keywordPairs: [(String, String)] {
        var pairs: [(String, String)] = []
        if let url { pairs.append(("dbname", url)) }
        pairs.append(("application_name", "carehub"))
        // Without a limit a wrong host can hang a cron job for minutes.
        pairs.append(("connect_timeout", "10"))
        pairs += overrides.map { ($0.keyword, $0.value) }
        return pairs
    }
}
