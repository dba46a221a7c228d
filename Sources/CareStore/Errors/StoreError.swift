import Foundation

/// A failure talking to PostgreSQL.
///
/// `description` is safe for logs and terminals: it never carries row values, which may be
/// clients' health data. The server's own words are included only for SQLSTATE classes whose
/// messages do not quote data (connection, authentication, syntax, locks); constraint failures
/// name the table, column and constraint instead. Everything else is in `debugDescription`.
public struct StoreError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of failure.
    public let code: StoreErrorCode
    /// The five-character SQLSTATE, when the server sent one.
    public let sqlState: String?
    /// What carehub was doing ("applying migration 0002_…", "connecting").
    public let context: String
    /// The server's (or libpq's) primary message. May quote values: debug only.
    public let serverMessage: String?
    /// The server's DETAIL field. May quote values: debug only.
    public let detail: String?
    /// The server's HINT field.
    public let hint: String?
    /// Table, column and constraint the server named, when it did.
    public let table: String?
    public let column: String?
    public let constraint: String?

    /// An error; most callers let the connection build these.
    public init(
        code: StoreErrorCode, sqlState: String? = nil, context: String, serverMessage: String? = nil,
        detail: String? = nil, hint: String? = nil, table: String? = nil, column: String? = nil,
        constraint: String? = nil
    ) {
        self.code = code
        self.sqlState = sqlState
        self.context = context
        self.serverMessage = serverMessage
        self.detail = detail
        self.hint = hint
        self.table = table
        self.column = column
        self.constraint = constraint
    }

    /// The context of errors raised while connecting.
    static let connectingContext = "connecting to PostgreSQL"

    /// SQLSTATE classes whose primary messages describe the situation, not the data.
    private static let messageSafeClasses: Set<Substring> = ["08", "28", "3D", "42", "53", "55", "57", "58", "0A", "25", "40"]

    /// True when the server's message may be shown without risk of quoting personal data.
    private var messageIsSafe: Bool {
        guard let state = sqlState else { return code == .connectionFailed || code == .connectionLost }
        return StoreError.messageSafeClasses.contains(state.prefix(2))
    }

    /// One line: what failed, where, and (when safe) why.
    public var description: String {
        var parts = ["\(context): \(code)"]
        if let sqlState { parts[0] += " (SQLSTATE \(sqlState))" }
        var location: [String] = []
        if let table { location.append("table \(table)") }
        if let column { location.append("column \(column)") }
        if let constraint { location.append("constraint \(constraint)") }
        if !location.isEmpty { parts.append(location.joined(separator: ", ")) }
        if messageIsSafe, let message = serverMessage?.firstLine, !message.isEmpty { parts.append(message) }
        // Connection hints are carehub's own advice (what to do next), never server data.
        if context == Self.connectingContext, let hint { parts.append(hint) }
        return parts.joined(separator: "; ")
    }

    /// Everything the server said, values included. For developers, never for shared logs.
    public var debugDescription: String {
        var lines = [description]
        if let serverMessage { lines.append("message: \(serverMessage)") }
        if let detail { lines.append("detail: \(detail)") }
        if let hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The first non-empty line, trimmed.
    var firstLine: String {
        split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
