import HTTPTypes
import Hummingbird

/// Headers every answer carries: no inline script or style from anywhere but carehub itself,
/// no framing (clickjacking), no MIME sniffing, no referrer (a carer's personal link) sent to other sites.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Errors (a 404 for an unknown path among them) get the same headers as pages.
            response = try error.response(from: request, context: context)
        } catch {
            // Anything else (the session lookup failing when the database is down) is a plain 500,
            // with the same headers; the error itself is never shown.
            response = Response(
                status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "Something went wrong on the server; nothing was changed. Try again.\n")))
        }
        response.headers[.contentSecurityPolicy] = ExtraHeaderNames.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with the
        // site's own forms, and the same-origin rule (SessionMiddleware) needs the real origin.
        response.headers[ExtraHeaderNames.referrerPolicy] = "same-origin"
        response.headers[ExtraHeaderNames.frameOptions] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Header names HTTPTypes does not predefine (both valid tokens, so the `!` cannot fail).
enum ExtraHeaderNames {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    /// Scripts, styles, forms and images from carehub itself only; no inline script; never framed.
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "form-action 'self'", "base-uri 'none'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")
}
