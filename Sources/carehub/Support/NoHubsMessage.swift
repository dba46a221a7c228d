/// The message for a command given a hub that does not exist, or run before any hub exists.
func noHubsMessage(_ hub: String?) -> String {
    if let hub { return "no hub with code \(hub); `carehub report capacity` lists all hubs" }
    return "the database has no hubs yet; import some or run `carehub demo seed`"
}
