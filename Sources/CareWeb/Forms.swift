import CareStore
import Foundation
import Hummingbird

/// Reading `application/x-www-form-urlencoded` bodies and checking their anti-forgery token.
enum Forms {
    /// The form's fields (the last value of a repeated name wins); bodies over 64 KiB are refused.
    static func read(_ request: Request, context: WebContext) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 * 1024)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else { continue }
            let value = parts.count > 1 ? decode(parts[1]) ?? "" : ""
            // No form field of carehub's holds control characters (PostgreSQL refuses NUL): a 400, not a 500.
            if (name + value).unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
                throw HTTPError(.badRequest, message: "The form held characters that cannot be stored; go back and type it again.")
            }
            fields[name] = value
        }
        return fields
    }

    /// Refuses a form whose `csrf` field is not the session's token.
    static func requireToken(_ form: [String: String], _ session: WebSession) throws {
        guard let sent = form["csrf"], constantTimeEqual(sent, session.csrfToken) else {
            throw HTTPError(.forbidden, message: "This form has expired. Go back, reload the page and try again.")
        }
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Compares without stopping at the first difference, so timing tells nothing of the token.
    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
