import CArgon2
import Foundation

/// argon2id password hashes through the reference library (Debian's libargon2). The result is
/// the standard encoded string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), so the salt and the
/// parameters travel with the hash and can be raised later without breaking stored ones.
public struct PasswordHasher: Sendable {
    /// Passes over memory.
    public let iterations: UInt32
    /// Memory in KiB.
    public let memoryKiB: UInt32
    /// Lanes.
    public let parallelism: UInt32
    static let saltBytes = 16
    static let hashBytes = 32

    /// RFC 9106's second recommended setting (t=3, 64 MiB), with one lane: about a tenth of a
    /// second per hash, so signing in is quick and guessing is slow.
    public init(iterations: UInt32 = 3, memoryKiB: UInt32 = 64 * 1024, parallelism: UInt32 = 1) {
        self.iterations = iterations
        self.memoryKiB = memoryKiB
        self.parallelism = parallelism
    }

    /// The encoded hash of `password` with a fresh random salt.
    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let length = argon2_encodedlen(iterations, memoryKiB, parallelism, UInt32(Self.saltBytes), UInt32(Self.hashBytes), Argon2_id)
        var encoded = [CChar](repeating: 0, count: length)
        let password = Array(password.utf8)
        let status = argon2id_hash_encoded(
            iterations, memoryKiB, parallelism, password, password.count, salt, salt.count, Self.hashBytes, &encoded, length)
        guard status == ARGON2_OK.rawValue else { throw PasswordHashError(status: status) }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `password` matches `encoded` (a string made by `hash`); false for a wrong
    /// password or a malformed hash.
    public func verify(_ password: String, against encoded: String) -> Bool {
        let password = Array(password.utf8)
        return argon2id_verify(encoded, password, password.count) == ARGON2_OK.rawValue
    }
}

/// libargon2 failed (out of memory, bad parameters); names its code, never the password.
public struct PasswordHashError: Error, Sendable, CustomStringConvertible {
    public let status: Int32
    public var description: String {
        "hashing the password failed: \(String(cString: argon2_error_message(status)))"
    }
}
