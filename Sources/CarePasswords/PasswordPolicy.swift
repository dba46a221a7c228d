import Foundation

/// The password rules, after the NCSC's guidance for system owners: a minimum length, a deny
/// list of common and breached passwords, nothing derived from the person's own name or
/// e-mail, and deliberately no composition rules ("one upper-case letter, one symbol") and no
/// expiry: both push people towards predictable patterns and written-down passwords.
public struct PasswordPolicy: Sendable {
    /// 12 characters: long enough that three random words or a passphrase fit and guessing is
    /// slow against an argon2id hash, short enough that people need not write it down (the
    /// NCSC asks for length over complexity; 12 is the length its guidance for most staff uses).
    public static let minimumLength = 12
    /// Long passphrases are welcome; this only stops absurd inputs being hashed.
    public static let maximumLength = 256

    /// Lower-cased passwords that are refused.
    let denied: Set<String>

    /// The policy with the deny list shipped in this module (`common-passwords.txt`).
    public init() throws {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt") else {
            throw PasswordRefusal.denyListMissing
        }
        self.init(denyList: try String(contentsOf: url, encoding: .utf8))
    }

    /// A policy with the given deny list: one password a line, `#` starts a comment line.
    public init(denyList: String) {
        denied = Set(
            denyList.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// Throws the first rule `password` breaks for the person with this name and e-mail.
    public func check(_ password: String, name: String, email: String) throws {
        let count = password.count
        if count < Self.minimumLength { throw PasswordRefusal.tooShort(minimum: Self.minimumLength) }
        if count > Self.maximumLength { throw PasswordRefusal.tooLong(maximum: Self.maximumLength) }
        let lower = password.lowercased()
        if denied.contains(lower) { throw PasswordRefusal.common }
        if Self.personalParts(name: name, email: email).contains(where: { lower.contains($0) }) {
            throw PasswordRefusal.personal
        }
    }

    /// The e-mail, its local part and the name's words (three letters or more, lower-cased),
    /// none of which a password may contain.
    static func personalParts(name: String, email: String) -> [String] {
        let email = email.lowercased()
        var parts = [email]
        if let local = email.split(separator: "@").first { parts += local.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) }
        parts += name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        return parts.filter { $0.count >= 3 }
    }
}

/// Why a password was refused; says what to do, never repeats the password.
public enum PasswordRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    case common
    case personal
    case denyListMissing

    public var description: String {
        switch self {
        case .tooShort(let minimum): "the password is too short: use at least \(minimum) characters (three random words work well)"
        case .tooLong(let maximum): "the password is too long: use at most \(maximum) characters"
        case .common: "the password is one of the most common or breached passwords: choose another (three random words work well)"
        case .personal: "the password contains your name or e-mail address: choose another"
        case .denyListMissing: "the list of common passwords (common-passwords.txt) is missing from this carehub installation"
        }
    }
}
