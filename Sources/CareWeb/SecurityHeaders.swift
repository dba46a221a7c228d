import HTTPTypes
import Hummingbird

/// Headers every answer carries: no inline script or style from anywhere but carehub itself,
/// no framing (clickjacking), no MIME sniffing, no referrer leaking a carer's personal link.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}


    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[ExtraHeaderNames.referrerPolicy] = "no-referrer"
        response.headers[ExtraHeaderNames.frameOptions] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Header names HTTPTypes does not predefine (both valid tokens, so the `!` cannot fail).
enum ExtraHeaderNames {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
}
