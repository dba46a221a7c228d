/// The service a member of staff works in (migration 0027): a local care hub brings health and
/// social care staff together, and a note or a handover says which side it came from.
public enum StaffService: String, Sendable, CaseIterable, SQLDecodable, SQLBindable {
    case socialCare = "social_care"
    case communityNursing = "community_nursing"
    case therapy
    case hospitalDischarge = "hospital_discharge"
    case gpPractice = "gp_practice"

    /// As people say it.
    public var title: String {
        switch self {
        case .socialCare: "social care"
        case .communityNursing: "community nursing"
        case .therapy: "therapy"
        case .hospitalDischarge: "hospital discharge team"
        case .gpPractice: "GP practice"
        }
    }

    public init?(sqlText: String) { self.init(rawValue: sqlText) }
    public var sqlText: String? { rawValue }
}
