import CareModel
import CareStore

/// `skills.csv`: one skill of one carer per row, with when it was gained and lapses.
enum SkillsImport: RecordImport {
    static let name = "skills"
    static let unit = "carer skills"
    static let requiredColumns = ["carer", "skill", "qualified_on"]

    /// A skill and whose it is.
    struct Value {
        let carer: String
        let skill: CarerSkill
    }

    static func value(_ r: inout RowReader, _ known: References) -> Value? {
        let id = r.id("carer")
        let skill = r.skills("skill").first
        let from = r.date("qualified_on")
        let until = r.date("expires_on", required: false)
        if let id, !known.carers.contains(id) { r.fail("carer", "unknown carer \(id)") }
        if r.record["skill"].isEmpty { r.fail("skill", "required") }
        if let from, let until, until <= from { r.fail("expires_on", "not after qualified_on") }
        guard let id, let skill, let from else { return nil }
        return Value(carer: id, skill: CarerSkill(skill: skill, qualifiedOn: from, expiresOn: until))
    }

    static func identity(of v: Value) -> (key: String, name: String)? { ("\(v.carer)|\(v.skill.skill)", "skill \(v.skill.skill) for \(v.carer)") }

    static func write(_ v: Value, to db: Connection) throws -> UpsertOutcome { try CarerRepository(db).upsertSkill(carer: v.carer, v.skill) }
}

extension ImportKind {
    /// Carers' skills, with the day each was gained and lapses.
    public static let skills = ImportKind(SkillsImport.self)
}
