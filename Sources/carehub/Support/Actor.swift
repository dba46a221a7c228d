import Foundation

/// Who is making a change, for the audit trail: CAREHUB_ACTOR, else the login name.
var currentActor: String {
    let env = ProcessInfo.processInfo.environment
    return env["CAREHUB_ACTOR"] ?? env["USER"] ?? env["LOGNAME"] ?? "carehub"
}
