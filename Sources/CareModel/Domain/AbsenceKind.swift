/// Why a carer is not available for a period.
public enum AbsenceKind: String, CaseIterable, Sendable, Codable {
    case sickness
    case leave
    case training
    case other
}
