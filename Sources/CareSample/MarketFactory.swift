import CareModel

/// The home-care market side of a sample hub: what each package was commissioned at (funder,
/// rate, when it was asked for), earlier packages that ended (many handed back by a provider),
/// people still waiting for a package, and what happened at past visits. Rates follow the
/// shape of the Homecare Association's fee survey: councils mostly pay under the minimum price,
/// health pays more, self-funders most.
public enum MarketFactory {
    /// A package as the factory needs it.
    public struct PackageInfo: Sendable {
        public let packageID: String
        public let clientID: String
        public let validFrom: LocalDate?
        public let funding: FundingStream
        public let homeFirst: Bool
        public let weeklyHours: Double

        public init(packageID: String, clientID: String, validFrom: LocalDate?, funding: FundingStream, homeFirst: Bool, weeklyHours: Double) {
            self.packageID = packageID
            self.clientID = clientID
            self.validFrom = validFrom
            self.funding = funding
            self.homeFirst = homeFirst
            self.weeklyHours = weeklyHours
        }
    }

    /// Commissions for `packages` (one hub's, in a stable order), plus ended and waiting ones.
    public static func commissions(hub: String, packages: [PackageInfo], until: LocalDate, seed: UInt64) -> [PackageCommission] {
        var rng = SplitMix64(seed: seed ^ 0x3A2C_E700_0000_0005)
        for byte in hub.utf8 { rng = SplitMix64(seed: rng.next() ^ UInt64(byte)) }
        var out: [PackageCommission] = []
        func rate(_ funder: FundingStream) -> Double {
            let pence: ClosedRange<Int> =
                switch funder {
                case .council: 2250...2790
                case .bcfPooled: 2450...2950
                case .icb: 2700...3250
                case .selfFunded: 2900...3500
                }
            return Double(Int.random(in: pence, using: &rng)) / 100
        }
        for p in packages {
            guard let start = p.validFrom else { continue }
            // Home First starts within days of the request; others wait up to five weeks.
            let requested = start.adding(days: -(p.homeFirst ? Int.random(in: 0...3, using: &rng) : Int.random(in: 2...35, using: &rng)))
            out.append(
                PackageCommission(
                    packageID: p.packageID, clientID: p.clientID, funder: p.funding, hourlyRate: rate(p.funding),
                    requestedOn: requested))
            // About one in eight had an earlier package that ended: most handed back by a
            // provider that could not staff it, the rest after a hospital stay or a review.
            if rng.chance(0.125) {
                let ended = start.adding(days: -Int.random(in: 1...45, using: &rng))
                let began = ended.adding(days: -Int.random(in: 60...420, using: &rng))
                let reasons: [PackageCommission.EndReason] = [.providerHandback, .hospital, .noLongerNeeded]
                out.append(
                    PackageCommission(
                        packageID: p.packageID + "-EARLIER", clientID: p.clientID, funder: p.funding,
                        commissionedHours: max(1, (p.weeklyHours * Double.random(in: 0.7...1.1, using: &rng) * 4).rounded() / 4),
                        hourlyRate: rate(p.funding), requestedOn: began.adding(days: -Int.random(in: 3...30, using: &rng)), startedOn: began,
                        endedOn: ended, endReason: reasons[rng.weighted([0.6, 0.25, 0.15])]))
            }
            // About one in twenty is waiting for more care (an increase after a review or a
            // fall) that no provider has picked up yet.
            if rng.chance(0.05) {
                out.append(
                    PackageCommission(
                        packageID: p.packageID + "-MORE", clientID: p.clientID, funder: p.funding == .selfFunded ? .selfFunded : .council,
                        commissionedHours: Double(Int.random(in: 2...14, using: &rng)) / 2 + 1, hourlyRate: rate(.council),
                        requestedOn: until.adding(days: -Int.random(in: 1...75, using: &rng))))
            }
        }
        return out
    }

    /// Outcomes of past visits (id and planned minutes, in a stable order): most delivered,
    /// often a little short (call monitoring shows cut visits), a few missed or cancelled.
    public static func outcomes(visits: [(id: Int, minutes: Int)], seed: UInt64) -> [VisitOutcome] {
        var rng = SplitMix64(seed: seed ^ 0x0C7C_0E00_0000_0006)
        return visits.map { v in
            switch rng.weighted([0.955, 0.012, 0.011, 0.022]) {
            case 0:
                let share = rng.chance(0.6) ? Double.random(in: 0.75...1.0, using: &rng) : Double.random(in: 1.0...1.1, using: &rng)
                return VisitOutcome(visitID: v.id, status: .delivered, actualMinutes: max(1, Int((Double(v.minutes) * share).rounded())))
            case 1: return VisitOutcome(visitID: v.id, status: .missed)
            case 2: return VisitOutcome(visitID: v.id, status: .cancelledProvider)
            default: return VisitOutcome(visitID: v.id, status: .cancelledPerson)
            }
        }
    }
}
