/// A SQL statement and its bind values, ready for `PQexecParams`.
///
/// Written as a string literal, every interpolated value becomes a `$n` parameter:
/// `"SELECT id FROM hubs WHERE code = \(code)"` sends `… WHERE code = $1` with `code` bound.
/// A plain `String` variable cannot become a query by accident (it is not a literal).
///
/// Queries compose without string building: interpolating one `SQLQuery` into another (or
/// `a + b`) splices its text in and renumbers its parameters, and an `SQLIdentifier` (a name
/// checked against a strict pattern) interpolates as a quoted identifier.
///
/// `init(unsafeSQL:binds:)` remains for text that is SQL by nature and holds no outside value.
/// Its uses, all of them: migration files (`Migrator`, through `executeScript(unsafeSQL:)`),
/// `BEGIN ISOLATION LEVEL …` and the numbered savepoints of `Connection.transaction`.
public struct SQLQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// One piece of a statement: text as written, or the n-th bind value (0-based).
    fileprivate enum Piece: Sendable {
        /// Text that may itself contain `$n` placeholders (only from `unsafeSQL`), numbered from 1.
        case text(String)
        case bind(Int)
    }

    fileprivate var pieces: [Piece]
    /// Bind values in placeholder order; nil is SQL NULL.
    public private(set) var binds: [String?]

    /// The statement text with `$1…$n` placeholders.
    public var sql: String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .bind(let index): out += "$\(index + 1)"
            }
        }
        return out
    }

    /// A statement with no values.
    public init(stringLiteral value: String) {
        pieces = [.text(value)]
        binds = []
    }

    /// A statement whose interpolations became parameters.
    public init(stringInterpolation: StringInterpolation) {
        pieces = stringInterpolation.pieces
        binds = stringInterpolation.binds
    }

    /// Text assembled at run time. Only for SQL that contains no outside values (see the list
    /// above); values still go in `binds`, referenced as `$1…$n` in the text.
    public init(unsafeSQL: String, binds: [String?] = []) {
        pieces = [.text(unsafeSQL)]
        self.binds = binds
    }

    /// The statement text only; bind values are deliberately left out (they may be personal data).
    public var description: String { sql }

    /// `lhs` followed by `rhs`, with `rhs`'s parameters renumbered after `lhs`'s.
    public static func + (lhs: SQLQuery, rhs: SQLQuery) -> SQLQuery {
        var joined = lhs
        joined.append(rhs)
        return joined
    }

    /// Appends `other`, renumbering its parameters after this query's.
    public mutating func append(_ other: SQLQuery) {
        let offset = binds.count
        for piece in other.pieces {
            switch piece {
            case .bind(let index): pieces.append(.bind(index + offset))
            case .text(let text): pieces.append(.text(offset == 0 ? text : Self.renumber(text, by: offset)))
            }
        }
        binds += other.binds
    }

    /// Shifts every `$n` in raw text by `offset`. Only `unsafeSQL` text carries its own
    /// placeholders; interpolated text holds none, so this never rewrites a programmer's literal.
    private static func renumber(_ text: String, by offset: Int) -> String {
        guard text.contains("$") else { return text }
        var out = ""
        var digits = ""
        var afterDollar = false
        func flush() {
            if afterDollar { out += digits.isEmpty ? "$" : "$\(Int(digits)! + offset)" }
            digits = ""
            afterDollar = false
        }
        for ch in text {
            if afterDollar, ch.isASCII, ch.isNumber {
                digits.append(ch)
                continue
            }
            flush()
            if ch == "$" { afterDollar = true } else { out.append(ch) }
        }
        flush()
        return out
    }

    /// Collects literal text and turns each interpolated value into the next `$n`.
    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var pieces: [Piece] = []
        var binds: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            pieces.reserveCapacity(interpolationCount * 2 + 1)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            pieces.append(.text(literal))
        }

        /// Binds a value as the next parameter.
        public mutating func appendInterpolation(_ value: some SQLBindable) {
            pieces.append(.bind(binds.count))
            binds.append(value.sqlText)
        }

        /// Binds an optional value; nil becomes SQL NULL. (A separate overload so that the
        /// compiler does not warn about interpolating optionals: here NULL is the intent.)
        public mutating func appendInterpolation<T: SQLBindable>(_ value: T?) {
            pieces.append(.bind(binds.count))
            binds.append(value?.sqlText ?? nil)
        }

        /// Splices in another query (a condition, a sub-select), renumbering its parameters.
        public mutating func appendInterpolation(_ fragment: SQLQuery) {
            var this = SQLQuery(unsafeSQL: "")
            this.pieces = pieces
            this.binds = binds
            this.append(fragment)
            pieces = this.pieces
            binds = this.binds
        }

        /// A checked name (a table, a SQL function) as a double-quoted identifier.
        public mutating func appendInterpolation(_ identifier: SQLIdentifier) {
            pieces.append(.text(identifier.quoted))
        }
    }
}

/// A table, column or function name that may be spliced into SQL text.
///
/// Only lower-case ASCII letters, digits and `_`, starting with a letter or `_`, at most 63
/// bytes (PostgreSQL's limit): such a name needs no escaping, and is quoted all the same.
public struct SQLIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The name as given.
    public let name: String

    /// Nil unless `name` matches the pattern above.
    public init?(_ name: String) {
        guard let first = name.utf8.first, name.utf8.count <= 63,
            first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
            name.utf8.allSatisfy({
                $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            })
        else { return nil }
        self.name = name
    }

    /// The name in double quotes.
    public var quoted: String { "\"\(name)\"" }
    public var description: String { name }
}
