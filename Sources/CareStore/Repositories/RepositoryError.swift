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

/// A row an import cannot write as it stands (its reason names no personal data).
public struct RowRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
