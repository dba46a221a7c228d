extension CarerRepository {
    /// The code of the hub a carer belongs to, or nil when the carer is unknown or not visible to
    /// whoever acts (row-level security: another hub's carer is simply absent).
    public func hubCode(of carer: String) throws -> String? {
        try db.query("SELECT h.code FROM carers c JOIN hubs h ON h.id = c.hub_id WHERE c.external_id = \(carer)").rows.first?.decode("code")
    }
}
