/// A SQL statement and its bind values, ready for `PQexecParams`.
///
/// Written as a string literal, every interpolated value becomes a `$n` parameter:
/// `"SELECT id FROM hubs WHERE code = \(code)"` sends `… WHERE code = $1` with `code` bound.
/// A plain `String` variable cannot become a query by accident (it is not a literal); text
/// built at run time must go through the loudly named `init(unsafeSQL:binds:)`.
public struct SQLQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$1…$n` placeholders.
    public private(set) var sql: String
    /// Bind values in placeholder order; nil is SQL NULL.
    public private(set) var binds: [String?]

    /// A statement with no values.
    public init(stringLiteral value: String) {
        sql = value
        binds = []
    }

    /// A statement whose interpolations became parameters.
    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        binds = stringInterpolation.binds
    }

    /// Text assembled at run time. Only for SQL that contains no outside values (migration
    /// files, identifiers passed through `Connection.quoteIdentifier`); values still go in `binds`.
    public init(unsafeSQL: String, binds: [String?] = []) {
        sql = unsafeSQL
        self.binds = binds
    }

    /// The statement text only; bind values are deliberately left out (they may be personal data).
    public var description: String { sql }

    /// Collects literal text and turns each interpolated value into the next `$n`.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds a value as the next parameter.
        public mutating func appendInterpolation(_ value: some SQLBindable) {
            binds.append(value.sqlText)
            sql += "$\(binds.count)"
        }

        /// Binds an optional value; nil becomes SQL NULL. (A separate overload so that the
        /// compiler does not warn about interpolating optionals: here NULL is the intent.)
        public mutating func appendInterpolation<T: SQLBindable>(_ value: T?) {
            binds.append(value?.sqlText ?? nil)
            sql += "$\(binds.count)"
        }
    }
}
