/// The rows a statement returned, copied out of libpq into Swift values.
///
/// Copying means no `PGresult` pointer outlives the call that made it; carehub's result sets
/// are small (a week's roster is thousands of rows, not millions).
public struct QueryResult: Sendable {
    /// Column names in order.
    public let columns: [String]
    /// Cell text per row and column; nil is SQL NULL.
    public let cells: [[String?]]
    /// Rows affected, for INSERT/UPDATE/DELETE (PQcmdTuples); 0 otherwise.
    public let affectedRows: Int
    /// The command tag (`INSERT 0 1`, `COMMIT`, `ROLLBACK`…).
    public let commandTag: String

    /// A result; built by `Connection`.
    public init(columns: [String], cells: [[String?]], affectedRows: Int, commandTag: String) {
        self.columns = columns
        self.cells = cells
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }

    /// Number of rows.
    public var count: Int { cells.count }

    /// The rows, for decoding.
    public var rows: [Row] {
        let index = columnIndex
        return cells.enumerated().map { Row(number: $0.offset, cells: $0.element, columns: columns, index: index) }
    }

    /// The only row, or nil when there is none; more than one is a programming error here.
    public func singleRow() -> Row? {
        rows.first
    }

    private var columnIndex: [String: Int] {
        var index: [String: Int] = [:]
        for (i, name) in columns.enumerated() where index[name] == nil { index[name] = i }
        return index
    }
}

/// One row of a `QueryResult`, decoded column by column with errors that name the column.
public struct Row: Sendable {
    /// Zero-based position in the result.
    public let number: Int
    let cells: [String?]
    let columns: [String]
    let index: [String: Int]

    /// The raw text of a column (nil for NULL); throws when there is no such column.
    public func text(_ column: String) throws -> String? {
        guard let i = index[column] else {
            throw StoreError(code: .decodingFailed, context: "reading column \(column)", serverMessage: "no such column in the result")
        }
        return cells[i]
    }

    /// Decodes a non-NULL column; NULL is an error that names the column.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let text = try text(column) else {
            throw StoreError(code: .decodingFailed, context: "reading column \(column)", serverMessage: "unexpected NULL for \(T.self)")
        }
        return try decodeText(text, column: column)
    }

    /// Decodes a nullable column: NULL becomes nil.
    public func decode<T: SQLDecodable>(_ column: String, as type: T?.Type) throws -> T? {
        guard let text = try text(column) else { return nil }
        return try decodeText(text, column: column) as T
    }

    /// Decodes a non-NULL column at a position.
    public func decode<T: SQLDecodable>(at position: Int, as type: T.Type = T.self) throws -> T {
        guard position < columns.count else {
            throw StoreError(code: .decodingFailed, context: "reading column #\(position)", serverMessage: "no such column in the result")
        }
        return try decode(columns[position], as: type)
    }

    private func decodeText<T: SQLDecodable>(_ text: String, column: String) throws -> T {
        guard let value = T(sqlText: text) else {
            // The value itself is not quoted: it may be personal data.
            throw StoreError(code: .decodingFailed, context: "reading column \(column)", serverMessage: "not a valid \(T.self)")
        }
        return value
    }
}
