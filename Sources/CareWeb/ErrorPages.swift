import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into a page: an `HTTPError` keeps its status, headers and message (written
/// for people, without personal data); anything else is a 500 whose log line names only the
/// error's type and the route, and whose page names nothing but a time to quote.
struct ErrorPagesMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let logger: Logger

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            if error.status.code < 400 { return Response(status: error.status, headers: error.headers) }
            return page(error.status, error.body ?? defaultMessage(error.status), context: context, headers: error.headers)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own (a form body over the limit is 413): their status, our page.
            return page(error.status, defaultMessage(error.status), context: context, headers: [:])
        } catch {
            // The error's description may carry row values: only its type is logged.
            logger.error(
                "request failed",
                metadata: ["route": .string(context.endpointPath ?? "unmatched"), "error": .string(String(describing: type(of: error)))])
            return page(
                .internalServerError, "Something went wrong on the server; nothing was changed. Try again, or tell your administrator.",
                context: context, headers: [:])
        }
    }

    private func page(_ status: HTTPResponse.Status, _ message: String, context: WebContext, headers: HTTPFields) -> Response {
        var response = Pages.html(
            Layout.page(
                title: "\(status.code) \(status.reasonPhrase)", session: context.session,
                body: """
                    <h1>\(HTML.escape(status.reasonPhrase))</h1>
                    <p class="error" role="alert">\(HTML.escape(message))</p>
                    <p><a href="/">Back to the start</a></p>
                    """), status: status)
        for field in headers where field.name != .contentType && field.name != .contentLength { response.headers.append(field) }
        return response
    }

    private func defaultMessage(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "There is no page at this address, or it is not one you may see."
        case .forbidden: "This is not open to you."
        case .contentTooLarge: "That form was too large."
        default: status.reasonPhrase
        }
    }
}
