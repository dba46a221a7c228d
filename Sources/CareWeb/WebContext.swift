import CareStore
import Foundation
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

    /// The address failed sign-ins are counted against: the peer, or, when the peer is this
    /// machine (a reverse proxy such as docs/nginx.md's), the last address the proxy appended to
    /// `X-Forwarded-For`, so one client's failures do not lock out everyone behind the proxy.
    /// carehub listens on loopback only behind a proxy; the proxy overwrites what clients send.
    func throttleAddress(_ request: Request) -> String {
        guard clientAddress == "127.0.0.1" || clientAddress == "::1",
            let forwarded = request.headers[values: .init("X-Forwarded-For")!].last?.split(separator: ",").last
        else { return clientAddress }
        let address = forwarded.trimmingCharacters(in: .whitespaces)
        return address.isEmpty || address.count > 64 ? clientAddress : address
    }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
