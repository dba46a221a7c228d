/// Who pays for a client's care.
public enum FundingStream: String, CaseIterable, Sendable, Codable {
    /// The NHS Integrated Care Board (continuing healthcare, for example).
    case icb
    /// The council's adult social care budget.
    case council
    /// The Better Care Fund pooled budget (Home First reablement, for example).
    case bcfPooled = "bcf_pooled"
    /// The client pays privately.
    case selfFunded = "self_funded"
}
