import CareModel
import Testing

@Suite("Domain values")
struct DomainTests {
    /// Skill codes follow one spelling rule.
    @Test func skillCodes() {
        #expect(Skill("medication") != nil)
        #expect(Skill("end_of_life") != nil)
        #expect(Skill("Hoist") == nil)
        #expect(Skill("1st_aid") == nil)
        #expect(Skill("") == nil)
        #expect(Skill("peg feeding") == nil)
        #expect(Skill(String(repeating: "a", count: 41)) == nil)
    }

    /// A skill counts from its qualification day until (not including) its expiry day.
    @Test func skillValidity() {
        let skill = CarerSkill(skill: .hoist, qualifiedOn: LocalDate(iso: "2024-01-10")!, expiresOn: LocalDate(iso: "2027-01-10")!)
        #expect(!skill.isValid(on: LocalDate(iso: "2024-01-09")!))
        #expect(skill.isValid(on: LocalDate(iso: "2024-01-10")!))
        #expect(skill.isValid(on: LocalDate(iso: "2027-01-09")!))
        #expect(!skill.isValid(on: LocalDate(iso: "2027-01-10")!))
    }

    /// A template reports each invalid field by name.
    @Test func templateValidation() {
        let bad = VisitTemplate(
            weekday: .monday, windowStart: LocalTime(hour: 9, minute: 0)!, windowEnd: LocalTime(hour: 8, minute: 0)!,
            durationMinutes: 0, carersNeeded: 4)
        #expect(
            bad.validationIssues().map(\.description) == [
                "window_end: before window_start", "duration_minutes: must be positive", "carers: must be 1, 2 or 3",
            ])
    }

    /// Package validity and weekly minutes (a double-up counts both carers).
    @Test func packageFigures() {
        let t = LocalTime(hour: 8, minute: 0)!
        let package = CarePackage(
            externalID: "K", clientID: "P", validFrom: LocalDate(iso: "2026-11-01")!, validTo: LocalDate(iso: "2026-11-30")!,
            visits: [
                VisitTemplate(weekday: .monday, windowStart: t, windowEnd: t, durationMinutes: 30),
                VisitTemplate(weekday: .tuesday, windowStart: t, windowEnd: t, durationMinutes: 45, carersNeeded: 2),
            ])
        #expect(package.weeklyCarerMinutes == 120)
        #expect(package.isValid(on: LocalDate(iso: "2026-11-30")!))
        #expect(!package.isValid(on: LocalDate(iso: "2026-12-01")!))
    }

    /// The address area is the postcode's outward part.
    @Test func addressArea() {
        let client = Client(
            externalID: "P", hubCode: "H", givenName: "A", familyName: "B", postcode: "ST16 2AB",
            location: GeoPoint(latitude: 52.8, longitude: -2.1)!, funding: .council)
        #expect(client.addressArea == "ST16")
    }
}
