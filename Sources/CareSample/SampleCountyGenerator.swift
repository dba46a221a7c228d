import CareModel

/// Generates a realistic, deterministic sample county from a `SampleCountySpec`.
///
/// Shapes follow UK home care: four call slots, 30/45/60-minute calls, double-ups for hoisted
/// clients, Home First reablement after discharge, a contract mix with about a fifth of carers
/// on zero hours, early/late/split shifts. Same spec, same county, on every machine.
public enum SampleCountyGenerator {
    /// The county for a specification. Call `spec.validationIssues()` first.
    public static func generate(_ spec: SampleCountySpec) -> SampleCounty {
        var county = SampleCounty()
        let monday = spec.firstWeek.monday
        let towns = Array(staffordshireTowns.prefix(spec.hubs))
        for town in towns {
            guard let centre = GeoPoint(latitude: town.latitude, longitude: town.longitude) else { continue }
            county.hubs.append(Hub(code: town.code, name: town.name, location: centre))
        }
        for (index, town) in towns.enumerated() {
            // One stream per hub, and one per hub and week for rotas, so a hub's people do not
            // change with the number of hubs or weeks asked for.
            var rng = stream(spec.seed, index, 0)
            let hub = county.hubs[index]
            var people = ClientFactory.clients(town: town, hub: hub, count: spec.clientsPerHub, monday: monday, rng: &rng)
            let demand = people.packages.reduce(0) { $0 + $1.weeklyCarerMinutes }
            // Paid time covers the calls plus travel between them (about a fifth) and some slack.
            let carerCount = max(4, Int((Double(demand) * 1.4 / 1450).rounded(.up)))
            let neighbour = towns.count > 1 ? nearestTown(to: town, among: towns) : nil
            let carers = CarerFactory.carers(
                town: town, hub: hub, count: carerCount, monday: monday, lendTo: neighbour?.code, rng: &rng)
            ClientFactory.addRelations(to: &people.clients, carers: carers, rng: &rng)
            county.carers += carers
            county.clients += people.clients
            county.packages += people.packages
            county.shifts += RotaFactory.weeks(for: carers, monday: monday, weeks: spec.weeks) { week in
                stream(spec.seed, index, week + 1)
            }
            var absenceRng = stream(spec.seed, index, 1000)
            county.absences += RotaFactory.absences(for: carers, weekStart: monday, rng: &absenceRng)
        }
        return county
    }

    /// An independent random stream for (seed, hub, part).
    private static func stream(_ seed: UInt64, _ hub: Int, _ part: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(hub) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(part) &* 0xC2B2_AE3D_27D4_EB4F))
        return SplitMix64(seed: mixer.next())
    }

    private static func nearestTown(to town: Town, among towns: [Town]) -> Town? {
        towns.filter { $0.code != town.code }.min { a, b in
            let da = (a.latitude - town.latitude) * (a.latitude - town.latitude) + (a.longitude - town.longitude) * (a.longitude - town.longitude)
            let db = (b.latitude - town.latitude) * (b.latitude - town.latitude) + (b.longitude - town.longitude) * (b.longitude - town.longitude)
            return da < db
        }
    }
}
