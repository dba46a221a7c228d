import CareModel
import CareStore
import CareTestSupport
import Testing

/// Carers' own links in the store: a manager issues and revokes them for their own hub's carers
/// only, the table keeps the token's hash, and the link opens the carer's week until revoked.
@Suite("Carer links")
struct CarerLinkTests {
    /// Issued by the carer's own manager; refused for a lent carer and for HR; read and revoked.
    @Test func issueReadRevoke() throws {
        let c = try AccessCounty()
        let staf = try c.hubID("STAF")
        let own: String = try c.owner.query("SELECT min(external_id) AS id FROM carers WHERE hub_id = \(staf)").rows[0].decode("id")
        let lent: Int = try c.owner.query("SELECT min(id) AS id FROM carers WHERE hub_id <> \(staf)").rows[0].decode("id")
        try c.owner.execute("INSERT INTO carer_lendable_hubs (carer_id, hub_id) VALUES (\(lent), \(staf)) ON CONFLICT DO NOTHING")
        let lentID: String = try c.owner.query("SELECT external_id FROM carers WHERE id = \(lent)").rows[0].decode("external_id")

        let manager = try c.connection(.manager)
        let token = try #require(try CarerLinkRepository(manager).issue(carer: own))
        #expect(token.count >= 43)  // 256 bits
        let stored: [String] = try c.owner.query("SELECT token_hash FROM carer_links").rows.map { try $0.decode("token_hash") }
        #expect(stored.count == 1 && stored[0] != token && stored[0].count == 64)
        #expect(try CarerLinkRepository(manager).live(carer: own) != nil)

        // The manager reads the lent carer but may not hand out their week: the policy refuses.
        #expect(throws: AccessRefused.self) { try CarerLinkRepository(manager).issue(carer: lentID) }
        #expect(throws: AccessRefused.self) { try CarerLinkRepository(c.connection(.hr)).issue(carer: own) }

        let week = try #require(try CarerLinkReader(c.owner).read(token: token))
        #expect(week.carer == own && !week.givenName.isEmpty && week.rosters.isEmpty)
        #expect(try CarerLinkRepository(manager).revoke(carer: own))
        #expect(try CarerLinkReader(c.owner).read(token: token) == nil)
        #expect(try CarerLinkRepository(manager).live(carer: own) == nil)
    }
}
