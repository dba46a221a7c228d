import CareStore
import Hummingbird
import NIOCore

/// What a request carries through the server: the signed-in session, if any, and the client's
/// address (for throttling failed sign-ins; never logged).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The session the request's cookie names, found by `SessionMiddleware`.
    public var session: WebSession?
    /// A session whose person gave their password but still owes their second factor: set instead
    /// of `session`, so no page takes it for a signed-in person (only the code page reads it).
    public var halfOpenSession: WebSession?
    /// That cookie's token (to sign out).
    public var sessionToken: String?
    /// The peer's IP address.
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
