/// The kind of employment contract a carer works under (Skills for Care categories).
public enum ContractType: String, CaseIterable, Sendable, Codable {
    case permanent
    case temporary
    case bank
    case agency
}
