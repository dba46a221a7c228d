/// A carer's gender, or a client's preference for their carers' gender.
///
/// The raw values are the database and file spellings.
public enum Gender: String, CaseIterable, Sendable, Codable {
    case female
    case male
    /// Recorded for carers who describe themselves otherwise; never matches a preference.
    case other
    case unknown
}
