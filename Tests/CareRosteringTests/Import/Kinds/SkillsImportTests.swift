import Testing

@testable import CareRostering

@Suite("skills.csv")
struct SkillsImportTests {
    /// The same skill twice for one carer is a repeat; the same skill for another carer is not.
    @Test func oneRowPerCarerAndSkill() throws {
        let text = "carer,skill,qualified_on\nC1,hoist,2024-01-01\nC1,peg,2024-01-01\nC1,hoist,2025-01-01\nC9,hoist,2024-01-01\n"
        #expect(try issues(SkillsImport.self, text) == ["4: duplicate skill hoist for C1 (first on line 2)", "5: carer: unknown carer C9"])
        #expect(try parse(SkillsImport.self, text).writes.map(\.line) == [2, 3])
    }
}
