/// A failure inside carehub itself while storing a roster, as opposed to a `RosterRefusal` of
/// something the user asked. Nothing was written when one is thrown; each says so, and names
/// no personal data.
public enum RosterIntegrityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The independent checker rejected a roster the engine produced (`stage`: "generated" or
    /// "repaired"); `violation` is the checker's first finding.
    case checkerRejected(stage: String, violation: String)
    /// The roster refers to carers or visits the database does not have.
    case unknownCarersOrVisits
    /// A repaired version was written but could not be read back.
    case versionNotStored

    public var description: String {
        switch self {
        case .checkerRejected(let stage, let violation):
            return "internal error: the \(stage) roster failed carehub's checker (\(violation)); nothing was stored"
        case .unknownCarersOrVisits:
            return "internal error: the roster names carers or visits that are not in the database; nothing was stored"
        case .versionNotStored:
            return "internal error: the repaired version was not stored"
        }
    }
}
