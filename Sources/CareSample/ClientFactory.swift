import CareModel

/// Draws a hub's clients and their care packages.
enum ClientFactory {
    static func clients(town: Town, hub: Hub, count: Int, monday: LocalDate, rng: inout SplitMix64)
        -> (clients: [Client], packages: [CarePackage])
    {
        var clients: [Client] = []
        var packages: [CarePackage] = []
        for n in 1...count {
            let id = "P-\(town.code)-\(pad4(n))"
            let female = rng.chance(0.62)  // most home-care clients are older women
            let kindIndex = rng.weighted([0.22, 0.30, 0.28, 0.10, 0.10])
            let kind = PackageFactory.Kind.allCases[kindIndex]
            let homeFirst = kind == .reablement
            let age = rng.chance(0.85) ? Int.random(in: 65...99, using: &rng) : Int.random(in: 19...64, using: &rng)
            let birth = monday.adding(days: -(age * 365 + Int.random(in: 0...364, using: &rng)))
            let discharge = homeFirst ? monday.adding(days: -Int.random(in: 0...14, using: &rng)) : nil
            var needs = PackageFactory.Needs()
            needs.dementia = rng.chance(age >= 75 ? 0.3 : 0.08)
            needs.medication = rng.chance(0.55)
            needs.catheter = rng.chance(0.05)
            needs.peg = rng.chance(0.03)
            needs.endOfLife = !homeFirst && rng.chance(0.02)
            let funding: FundingStream
            if homeFirst {
                funding = .bcfPooled
            } else if needs.peg || needs.endOfLife {
                funding = .icb
            } else {
                funding = FundingStream.allCases[rng.weighted([0.08, 0.62, 0.12, 0.18])]
            }
            let genderPreference: Gender? = rng.chance(0.12) ? .female : (rng.chance(0.02) ? .male : nil)
            let client = Client(
                externalID: id, hubCode: hub.code,
                givenName: rng.pick(female ? Names.female : Names.male), familyName: rng.pick(Names.family),
                postcode: postcode(town: town, rng: &rng), location: rng.point(near: hub.location, radiusKm: 7),
                genderPreference: genderPreference,
                leadProfessional: rng.chance(0.7) ? "\(rng.pick(Names.female + Names.male)) \(rng.pick(Names.family))" : nil,
                funding: funding, homeFirst: homeFirst, dischargeDate: discharge, dateOfBirth: birth)
            clients.append(client)
            // Reablement runs up to six weeks from discharge; long-term packages began years ago.
            let from = discharge.map { $0.adding(days: 1) } ?? monday.adding(days: -Int.random(in: 30...1500, using: &rng))
            let to = discharge.map { $0.adding(days: 42) }
            packages.append(
                CarePackage(
                    externalID: "PKG-\(town.code)-\(pad4(n))", clientID: id, validFrom: from, validTo: to,
                    visits: PackageFactory.templates(kind: kind, needs: needs, rng: &rng)))
        }
        return (clients, packages)
    }

    /// Preferred carers (continuity) for about a third of clients; an exclusion for a few.
    static func addRelations(to clients: inout [Client], carers: [Carer], rng: inout SplitMix64) {
        guard carers.count >= 4 else { return }
        for i in clients.indices {
            if rng.chance(0.3) {
                let first = rng.pick(carers).externalID
                clients[i].preferredCarers = [first]
                if rng.chance(0.4), case let second = rng.pick(carers).externalID, second != first {
                    clients[i].preferredCarers.append(second)
                }
            }
            if rng.chance(0.04) {
                let excluded = rng.pick(carers).externalID
                if !clients[i].preferredCarers.contains(excluded) { clients[i].excludedCarers = [excluded] }
            }
        }
    }

    private static func postcode(town: Town, rng: inout SplitMix64) -> String {
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")  // the letters used in inward codes
        return "\(town.outwardCode) \(Int.random(in: 1...9, using: &rng))\(rng.pick(letters))\(rng.pick(letters))"
    }
}

/// Four-digit zero padding for sample identifiers.
func pad4(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
