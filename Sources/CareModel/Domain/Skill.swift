/// A skill or competence a visit needs and a carer holds (`medication`, `hoist`, `peg`…).
///
/// Codes are lower-case ASCII words joined by underscores, so that files, the database and
/// the solver agree on spelling; the same rule is a CHECK constraint in `sql/0001`.
public struct Skill: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The canonical code.
    public let code: String

    /// A skill from its code; nil unless it matches `[a-z][a-z0-9_]{0,39}`.
    public init?(_ code: String) {
        guard Skill.isValidCode(code) else { return nil }
        self.code = code
    }

    /// The rule every skill code obeys.
    public static func isValidCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, code.unicodeScalars.count <= 40,
            ("a"..."z").contains(first)
        else { return false }
        return code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    public var description: String { code }

    public static func < (lhs: Skill, rhs: Skill) -> Bool { lhs.code < rhs.code }
}

extension Skill {
    /// Administering or prompting medication.
    public static let medication = Skill(unchecked: "medication")
    /// Moving and handling with a hoist (usually a double-up).
    public static let hoist = Skill(unchecked: "hoist")
    /// Dementia care.
    public static let dementia = Skill(unchecked: "dementia")
    /// Reablement (Home First).
    public static let reablement = Skill(unchecked: "reablement")
    /// Catheter care.
    public static let catheter = Skill(unchecked: "catheter")
    /// PEG (gastrostomy) feeding.
    public static let peg = Skill(unchecked: "peg")
    /// End-of-life care.
    public static let endOfLife = Skill(unchecked: "end_of_life")

    private init(unchecked code: String) {
        self.code = code
    }
}
