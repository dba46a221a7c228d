import CareModel

/// Two years of hospital discharges a hub hears about: mostly older people, mostly pathways 0
/// and 1 (home), about one in twenty still waiting days after being ready to leave, and the
/// 91-day outcome once 91 days have passed (around four in five still at home after reablement).
public enum DischargeFactory {
    public static func discharges(hub: String, until: LocalDate, seed: UInt64, perYear: Int = 90) -> [HospitalDischarge] {
        var rng = SplitMix64(seed: seed ^ 0xD15C_4A26_0000_0013)
        for byte in hub.utf8 { rng = SplitMix64(seed: rng.next() ^ UInt64(byte)) }
        return (1...(2 * perYear)).map { n in
            let discharged = until.adding(days: -Int.random(in: 1...730, using: &rng))
            let delay = rng.chance(0.6) ? 0 : Int.random(in: 1...(rng.chance(0.8) ? 5 : 20), using: &rng)
            let pathway = rng.weighted([0.4, 0.45, 0.1, 0.05])
            let reablement = pathway == 1 || (pathway == 2 && rng.chance(0.5))
            var status: HospitalDischarge.Status?
            if discharged.adding(days: 91) <= until {
                status =
                    HospitalDischarge.Status.allCases[rng.weighted(reablement ? [0.8, 0.07, 0.05, 0.06, 0.02] : [0.85, 0.07, 0.03, 0.04, 0.01])]
            }
            return HospitalDischarge(
                externalID: "D-\(hub)-\(pad4(n))", hubCode: hub,
                ageAtDischarge: rng.chance(0.85) ? Int.random(in: 65...97, using: &rng) : Int.random(in: 30...64, using: &rng),
                dischargeReady: discharged.adding(days: -delay), discharged: discharged, pathway: pathway,
                reablementStart: reablement ? discharged.adding(days: Int.random(in: 0...2, using: &rng)) : nil,
                councilFunded: rng.chance(0.85), statusAt91: status)
        }
    }
}
