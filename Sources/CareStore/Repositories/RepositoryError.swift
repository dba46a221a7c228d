/// A write that referred to something missing. Names the kind and the external id, which are
/// identifiers, not personal data.
public struct ReferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being written (`carer`, `client`…).
    public let writing: String
    /// What it referred to (`hub`, `carer`…).
    public let missingKind: String
    /// The identifier that was not found.
    public let missingID: String

    public var description: String { "\(writing): unknown \(missingKind) \(missingID)" }
}
