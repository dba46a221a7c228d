import CareStore
import Foundation
import HummingbirdOTP

/// Time-based one-time passwords (RFC 6238, as authenticator apps make them: six digits,
/// 30-second steps, HMAC-SHA1), computed with HummingbirdOTP. Managers, practitioners and admins give one
/// after their password; everyone else signs in with the password alone.
public enum SecondFactor {
    /// Seconds per time step.
    public static let stepSeconds = 30
    /// Steps either side of now still accepted (a phone's clock a little off, a slow typist).
    public static let tolerance = 1

    /// True for the roles asked for a code (the Data Security and Protection Toolkit asks it of
    /// internet-facing systems for people who see or administer personal data).
    public static func required(for role: PersonRole) -> Bool {
        role == .manager || role == .admin || role == .practitioner
    }

    /// A new shared secret: 27 characters of a 256-bit random token (162 bits, above RFC 4226's
    /// 160), used as the HMAC key as its UTF-8 bytes, which is how HummingbirdOTP reads it.
    static func newSecret() -> String {
        String(RandomToken.make().prefix(27))
    }

    /// The time step containing `date`.
    public static func step(at date: Date) -> Int {
        Int(date.timeIntervalSince1970) / stepSeconds
    }

    /// The code for `secret` at time step `step`.
    public static func code(secret: String, step: Int) -> Int {
        TOTP(secret: secret, timeStep: stepSeconds).compute(date: Date(timeIntervalSince1970: Double(step * stepSeconds)))
    }

    /// The time step whose code `typed` is (spaces ignored; exactly six digits), within the
    /// tolerance around `now`; nil when it is none of them.
    static func matchingStep(_ typed: String, secret: String, now: Date) -> Int? {
        let digits = typed.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        let current = step(at: now)
        return (current - tolerance...current + tolerance).first { code(secret: secret, step: $0) == value }
    }

    /// The `otpauth://` address an authenticator app reads (typed in, or pasted from the page).
    static func authenticatorURL(secret: String, email: String) -> String {
        TOTP(secret: secret, timeStep: stepSeconds).createAuthenticatorURL(label: "carehub:\(email)", issuer: "carehub")
    }

    /// The secret in base32, as authenticator apps ask for it, in groups of four for typing.
    static func base32(secret: String, email: String) -> String {
        let url = authenticatorURL(secret: secret, email: email)
        let value = url.firstRange(of: "secret=").map { url[$0.upperBound...].prefix { $0 != "&" } } ?? ""
        return stride(from: 0, to: value.count, by: 4).map { offset in
            let start = value.index(value.startIndex, offsetBy: offset)
            return String(value[start..<(value.index(start, offsetBy: 4, limitedBy: value.endIndex) ?? value.endIndex)])
        }.joined(separator: " ")
    }
}
