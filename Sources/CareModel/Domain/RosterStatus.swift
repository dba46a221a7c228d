/// The life of a roster version: drafts are published, and a newer publication supersedes.
public enum RosterStatus: String, CaseIterable, Sendable, Codable {
    case draft
    case published
    case superseded
}
