/// What kind of failure a `StoreError` is; derived from the SQLSTATE where the server sent one.
///
/// A struct wrapping a private enum (as postgres-nio's `PSQLError.Code`), so new codes can be
/// added without breaking callers who switch over the public constants.
public struct StoreErrorCode: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String, Sendable {
        case connectionFailed = "connection failed"
        case connectionLost = "connection lost"
        case authenticationFailed = "authentication failed"
        case databaseMissing = "database does not exist"
        case uniqueViolation = "unique violation"
        case foreignKeyViolation = "foreign key violation"
        case checkViolation = "check violation"
        case notNullViolation = "not-null violation"
        case exclusionViolation = "exclusion violation"
        case serializationFailure = "serialization failure"
        case deadlockDetected = "deadlock detected"
        case lockNotAvailable = "lock not available"
        case undefinedTable = "undefined table"
        case syntaxError = "syntax error"
        case invalidInput = "invalid input"
        case invalidParameter = "invalid parameter"
        case decodingFailed = "decoding failed"
        case transactionRolledBack = "transaction rolled back"
        case insufficientPrivilege = "insufficient privilege"
        case server = "server error"
    }

    private let base: Base

    private init(_ base: Base) { self.base = base }

    /// The server could not be reached or refused the connection.
    public static let connectionFailed = StoreErrorCode(.connectionFailed)
    /// The connection broke while in use (class 08).
    public static let connectionLost = StoreErrorCode(.connectionLost)
    /// Wrong user or password (class 28).
    public static let authenticationFailed = StoreErrorCode(.authenticationFailed)
    /// The named database does not exist (3D000).
    public static let databaseMissing = StoreErrorCode(.databaseMissing)
    /// 23505.
    public static let uniqueViolation = StoreErrorCode(.uniqueViolation)
    /// 23503.
    public static let foreignKeyViolation = StoreErrorCode(.foreignKeyViolation)
    /// 23514.
    public static let checkViolation = StoreErrorCode(.checkViolation)
    /// 23502.
    public static let notNullViolation = StoreErrorCode(.notNullViolation)
    /// 23P01 (e.g. two overlapping shifts for one carer).
    public static let exclusionViolation = StoreErrorCode(.exclusionViolation)
    /// 40001: retry the transaction.
    public static let serializationFailure = StoreErrorCode(.serializationFailure)
    /// 40P01: retry the transaction.
    public static let deadlockDetected = StoreErrorCode(.deadlockDetected)
    /// 55P03.
    public static let lockNotAvailable = StoreErrorCode(.lockNotAvailable)
    /// 42P01: usually a database that has not been migrated.
    public static let undefinedTable = StoreErrorCode(.undefinedTable)
    /// 42601.
    public static let syntaxError = StoreErrorCode(.syntaxError)
    /// Class 22: a value the server could not accept.
    public static let invalidInput = StoreErrorCode(.invalidInput)
    /// A bind value libpq cannot send (text containing NUL).
    public static let invalidParameter = StoreErrorCode(.invalidParameter)
    /// A column could not be read as the requested Swift type.
    public static let decodingFailed = StoreErrorCode(.decodingFailed)
    /// COMMIT answered ROLLBACK: the transaction had already failed.
    public static let transactionRolledBack = StoreErrorCode(.transactionRolledBack)
    /// 42501: a privilege or a row-level security policy refused the statement.
    public static let insufficientPrivilege = StoreErrorCode(.insufficientPrivilege)
    /// Any other server error; see the SQLSTATE.
    public static let server = StoreErrorCode(.server)

    /// The code for a SQLSTATE (five characters).
    public init(sqlState: String) {
        switch sqlState {
        case "23505": self = .uniqueViolation
        case "23503": self = .foreignKeyViolation
        case "23514": self = .checkViolation
        case "23502": self = .notNullViolation
        case "23P01": self = .exclusionViolation
        case "40001": self = .serializationFailure
        case "40P01": self = .deadlockDetected
        case "55P03": self = .lockNotAvailable
        case "42P01": self = .undefinedTable
        case "42601": self = .syntaxError
        case "3D000": self = .databaseMissing
        case "42501": self = .insufficientPrivilege
        default:
            switch sqlState.prefix(2) {
            case "08", "57": self = .connectionLost
            case "28": self = .authenticationFailed
            case "22": self = .invalidInput
            default: self = .server
            }
        }
    }

    /// True for failures worth retrying the whole transaction.
    public var isTransient: Bool {
        self == .serializationFailure || self == .deadlockDetected
    }

    public var description: String { base.rawValue }
}
