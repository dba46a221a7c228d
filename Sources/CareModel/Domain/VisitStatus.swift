/// The life of a materialised visit.
public enum VisitStatus: String, CaseIterable, Sendable, Codable {
    case planned
    case cancelled
    case delivered
    case missed
}
