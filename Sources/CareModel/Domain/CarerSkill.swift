/// A skill a carer holds, with the dates that bound it; an expired skill does not count.
public struct CarerSkill: Hashable, Sendable {
    /// The skill.
    public var skill: Skill
    /// When the carer qualified.
    public var qualifiedOn: LocalDate
    /// First day on which the qualification no longer counts, if it lapses.
    public var expiresOn: LocalDate?

    /// A held skill.
    public init(skill: Skill, qualifiedOn: LocalDate, expiresOn: LocalDate? = nil) {
        self.skill = skill
        self.qualifiedOn = qualifiedOn
        self.expiresOn = expiresOn
    }

    /// True when the skill counts on `date`: qualified by then and not yet expired.
    public func isValid(on date: LocalDate) -> Bool {
        qualifiedOn <= date && (expiresOn.map { date < $0 } ?? true)
    }
}
