import CareModel

/// Draws a hub's carers: contracts, skills, homes and pay.
enum CarerFactory {
    static func carers(town: Town, hub: Hub, count: Int, monday: LocalDate, lendTo: String?, rng: inout SplitMix64) -> [Carer] {
        (1...count).map { n in
            let female = rng.chance(0.8)  // about four in five care workers are women
            let contract = ContractType.allCases[rng.weighted([0.68, 0.07, 0.13, 0.12])]
            // About a fifth on zero hours: most bank and agency staff, a few permanent.
            let zeroHours = contract == .bank || contract == .agency ? rng.chance(0.8) : rng.chance(0.04)
            let contracted = zeroHours ? 0 : rng.pick([16, 22, 30, 30, 37, 37]) * 60 + (rng.chance(0.5) ? 30 : 0)
            let maxMinutes = zeroHours ? rng.pick([30, 37, 45]) * 60 : min(48 * 60, contracted + rng.pick([4, 8, 12]) * 60)
            let start = monday.adding(days: -Int.random(in: 20...3000, using: &rng))
            return Carer(
                externalID: "C-\(town.code)-\(pad4(n))", hubCode: hub.code,
                givenName: rng.pick(female ? Names.female : Names.male), familyName: rng.pick(Names.family),
                gender: female ? .female : .male, home: rng.point(near: hub.location, radiusKm: 9),
                contract: contract, zeroHours: zeroHours, contractedMinutesPerWeek: contracted,
                maxMinutesPerWeek: maxMinutes, hourlyRatePence: 1271 + rng.steps(0...180, step: 5),
                startDate: start, lendableTo: lendTo != nil && rng.chance(0.2) ? [lendTo ?? ""] : [],
                skills: skills(start: start, monday: monday, rng: &rng))
        }
    }

    /// Skills with the share of carers who hold them; some qualifications have lapsed.
    private static func skills(start: LocalDate, monday: LocalDate, rng: inout SplitMix64) -> [CarerSkill] {
        let shares: [(Skill, Double)] = [
            (.medication, 0.85), (.dementia, 0.5), (.hoist, 0.5), (.reablement, 0.45),
            (.catheter, 0.25), (.peg, 0.12), (.endOfLife, 0.2),
        ]
        var held: [CarerSkill] = []
        for (skill, share) in shares where rng.chance(share) {
            let qualified = start.adding(days: Int.random(in: 0...max(1, start.days(to: monday) - 1), using: &rng))
            // Medication and moving-and-handling certificates are renewed every three years.
            let expires: LocalDate? = skill == .medication || skill == .hoist ? qualified.adding(days: 3 * 365) : nil
            held.append(CarerSkill(skill: skill, qualifiedOn: qualified, expiresOn: expires))
        }
        return held
    }
}
