import CLibPQ
import Foundation

/// One PostgreSQL session through libpq.
///
/// Not thread-safe and deliberately not `Sendable`: give each thread or task its own
/// connection. `PQfinish` runs in `deinit` unconditionally, also after a failed connect.
public final class Connection {
    /// The libpq handle; never nil after init (libpq allocates even when connecting fails).
    private let handle: OpaquePointer
    /// Savepoint depth of `transaction(_:)` calls in progress.
    var transactionDepth = 0
    /// The person every transaction acts for, or nil for the administration connection (no one
    /// acting: the owner sees everything). While set, a statement run outside `transaction`
    /// is wrapped in one, so nothing runs without the person's role and policies.
    public var actingPerson: ActingPerson?

    /// Connects, or throws a `StoreError` whose description says what to do.
    public init(_ configuration: ConnectionConfiguration = .fromEnvironment(ProcessInfo.processInfo.environment)) throws {
        let pairs = configuration.keywordPairs
        // strdup'd copies freed in the defer: the pointer arrays live only for the call below.
        let keys = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer {
            for key in keys { free(key) }
            for value in values { free(value) }
        }
        let keyPointers: [UnsafePointer<CChar>?] = keys.map { UnsafePointer($0) } + [nil]
        let valuePointers: [UnsafePointer<CChar>?] = values.map { UnsafePointer($0) } + [nil]
        let expand: Int32 = configuration.url == nil ? 0 : 1
        guard let pg = PQconnectdbParams(keyPointers, valuePointers, expand) else {
            throw StoreError(code: .connectionFailed, context: "connecting to PostgreSQL", serverMessage: "libpq could not allocate a connection")
        }
        handle = pg
        // libpq's default notice processor prints the server's notices and warnings to stderr
        // (`WARNING: terminating connection due to immediate shutdown command`), a second line
        // beside carehub's own error that may quote data. Notices are dropped; errors still throw.
        PQsetNoticeProcessor(pg, { _, _ in }, nil)
        guard PQstatus(pg) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(pg))
            // deinit still runs PQfinish for this half-made object.
            throw Connection.connectError(message)
        }
        // Fixed output formats so decoding never depends on the server's or user's settings.
        try execute("SET datestyle = 'ISO, YMD'")
        try execute("SET intervalstyle = 'iso_8601'")
        try execute("SET client_encoding = 'UTF8'")
        // NOTICEs ("already exists, skipping") would go to stderr through libpq's default handler.
        try execute("SET client_min_messages = 'warning'")
    }

    deinit {
        PQfinish(handle)
    }

    /// Runs a statement and returns its rows.
    @discardableResult
    public func query(_ query: SQLQuery) throws -> QueryResult {
        if actingPerson != nil && transactionDepth == 0 && !isInTransaction {
            return try transaction { try $0.run(query) }
        }
        return try run(query)
    }

    /// Runs one statement as it is (no acting wrapper): `transaction` uses it for BEGIN and COMMIT.
    @discardableResult
    func run(_ query: SQLQuery) throws -> QueryResult {
        for bind in query.binds {
            // libpq sends text parameters NUL-terminated; an inner NUL would silently truncate.
            if let bind, bind.utf8.contains(0) {
                throw StoreError(
                    code: .invalidParameter, context: "binding a parameter",
                    serverMessage: "text contains a NUL character, which PostgreSQL cannot store")
            }
        }
        let cValues = query.binds.map { $0.map { strdup($0) } ?? nil }
        defer { for value in cValues { free(value) } }
        let valuePointers: [UnsafePointer<CChar>?] = cValues.map { $0.map { UnsafePointer($0) } }
        let result = PQexecParams(handle, query.sql, Int32(valuePointers.count), nil, valuePointers, nil, nil, 0)
        defer { PQclear(result) }
        do {
            return try read(result, context: "running a query")
        } catch let error as StoreError where error.code == .insufficientPrivilege {
            guard let acting = actingPerson else { throw error }
            throw AccessRefused(role: acting.role, refusal: error.serverMessage?.firstLine ?? "insufficient privilege", underlying: error)
        }
    }

    /// Runs a statement and returns the number of rows it affected.
    @discardableResult
    public func execute(_ query: SQLQuery) throws -> Int {
        try self.query(query).affectedRows
    }

    /// Runs a script of several statements with no parameters (migration files only).
    ///
    /// This is the one use of `PQexec`: `PQexecParams` takes a single statement, and a
    /// migration file is many. The script is the project's own file, never outside input.
    public func executeScript(unsafeSQL script: String, context: String) throws {
        let result = PQexec(handle, script)
        defer { PQclear(result) }
        _ = try read(result, context: context)
    }

    /// An identifier quoted for SQL text (`"carehub_test_1"`), for the few statements that
    /// cannot take parameters (`CREATE DATABASE`).
    public func quoteIdentifier(_ identifier: String) throws -> String {
        guard let quoted = PQescapeIdentifier(handle, identifier, identifier.utf8.count) else {
            throw error(context: "quoting an identifier", result: nil)
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// Where this session is connected (host or socket directory, port, user, database, and
    /// the password when one was given), for handing to a tool that opens its own session on
    /// the same database (osm2pgrouting).
    public var session: (host: String, port: String, user: String, database: String, password: String?) {
        func text(_ p: UnsafeMutablePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
        let password = text(PQpass(handle))
        return (text(PQhost(handle)), text(PQport(handle)), text(PQuser(handle)), text(PQdb(handle)), password.isEmpty ? nil : password)
    }

    /// The server's version number (150018 for 15.18).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// True when the session is up and idle outside any transaction: safe to hand to the next
    /// user of a pool. A broken session, or one left inside a transaction, is not.
    public var isUsable: Bool {
        PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// True while the session is inside a transaction block.
    public var isInTransaction: Bool {
        PQtransactionStatus(handle) != PQTRANS_IDLE
    }

    /// Copies a result into Swift values, or throws the error it carries.
    private func read(_ result: OpaquePointer?, context: String) throws -> QueryResult {
        guard let result else { throw error(context: context, result: nil) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
            let rows = Int(PQntuples(result))
            let fields = Int(PQnfields(result))
            let columns = (0..<fields).map { String(cString: PQfname(result, Int32($0))) }
            var cells: [[String?]] = []
            cells.reserveCapacity(rows)
            for r in 0..<rows {
                cells.append(
                    (0..<fields).map { f -> String? in
                        PQgetisnull(result, Int32(r), Int32(f)) == 1 ? nil : String(cString: PQgetvalue(result, Int32(r), Int32(f)))
                    })
            }
            let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
            return QueryResult(columns: columns, cells: cells, affectedRows: affected, commandTag: String(cString: PQcmdStatus(result)))
        default:
            throw error(context: context, result: result)
        }
    }

    /// Builds a `StoreError` from a failed result (or the connection when there is none).
    private func error(context: String, result: OpaquePointer?) -> StoreError {
        func field(_ code: Int32) -> String? {
            guard let result, let value = PQresultErrorField(result, code) else { return nil }
            return String(cString: value)
        }
        let sqlState = field(DiagnosticField.sqlState)
        let message = field(DiagnosticField.messagePrimary) ?? String(cString: PQerrorMessage(handle))
        var code = sqlState.map(StoreErrorCode.init(sqlState:)) ?? .server
        if sqlState == nil && (PQstatus(handle) != CONNECTION_OK || Self.isConnectionLoss(message)) { code = .connectionLost }
        return StoreError(
            code: code, sqlState: sqlState, context: context, serverMessage: message,
            detail: field(DiagnosticField.detail), hint: field(DiagnosticField.hint),
            table: field(DiagnosticField.table), column: field(DiagnosticField.column),
            constraint: field(DiagnosticField.constraint))
    }

    /// libpq's own messages (no SQLSTATE) for a session that went away; the status can still read
    /// OK when the server vanished while libpq was waiting for a result.
    static func isConnectionLoss(_ message: String) -> Bool {
        let lower = message.lowercased()
        return [
            "server closed the connection", "no connection to the server", "could not send data to server", "could not receive data from server",
            "connection to server was lost", "terminating connection",
        ].contains { lower.contains($0) }
    }

    /// Classifies libpq's message for a failed connection attempt.
    static func connectError(_ message: String) -> StoreError {
        let lower = message.lowercased()
        let code: StoreErrorCode
        if lower.contains("password authentication failed") || lower.contains("no password supplied")
            || lower.contains("authentication failed") || (lower.contains("role") && lower.contains("does not exist"))
        {
            code = .authenticationFailed
        } else if lower.contains("does not exist") && lower.contains("database") {
            code = .databaseMissing
        } else {
            code = .connectionFailed
        }
        // libpq's messages name the host and the user, never the password.
        let hint: String
        switch code {
        case .authenticationFailed:
            hint = "check PGUSER/PGPASSWORD or the user and password in DATABASE_URL (for the private cluster: eval \"$(scripts/pg env)\")"
        case .databaseMissing: hint = "create it (createdb) or point PGDATABASE/DATABASE_URL at an existing one"
        default:
            hint =
                "is PostgreSQL running? Start the private one with `scripts/pg start` and `eval \"$(scripts/pg env)\"`, or set DATABASE_URL / PGHOST"
        }
        return StoreError(code: code, context: "connecting to PostgreSQL", serverMessage: message, hint: hint)
    }
}

/// libpq's `PG_DIAG_*` field codes. They are C character-literal macros, which Swift does not
/// import, so they are spelled here as their ASCII values.
enum DiagnosticField {
    static let sqlState: Int32 = 67  // 'C'
    static let messagePrimary: Int32 = 77  // 'M'
    static let detail: Int32 = 68  // 'D'
    static let hint: Int32 = 72  // 'H'
    static let table: Int32 = 116  // 't'
    static let column: Int32 = 99  // 'c'
    static let constraint: Int32 = 110  // 'n'
}
