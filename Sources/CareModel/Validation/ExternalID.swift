/// The one pattern for identifiers that come from outside (import files and `carehub.problem/1`
/// files): carer, client, package, hub, vacancy, visit, shift… ids.
///
/// Letters `A–Z` `a–z`, digits `0–9`, `-`, `_` and `.`; not starting with `.`; 1–64 characters
/// (ASCII, so characters and bytes are the same). Such an id is safe as a file name on every
/// system carehub writes to (no `/`, no `..` alone, no hidden file, no control character), in a
/// URL path, and in a calendar UID. Documented in docs/formats.md and docs/import.md.
public enum ExternalID {
    /// The longest id, in characters.
    public static let maxLength = 64

    /// The pattern, as the documentation and error messages spell it.
    public static let rule = "letters, digits, -, _ and . only, not starting with ., 1–64 characters"

    /// Nil when `id` is valid; otherwise what is wrong with it (never repeating the value, which may be hostile).
    public static func problem(_ id: String) -> String? {
        let bytes = Array(id.utf8)
        if bytes.isEmpty { return "empty id (\(rule))" }
        if bytes.count > maxLength { return "id longer than \(maxLength) characters (\(rule))" }
        if bytes[0] == UInt8(ascii: ".") { return "id starts with . (\(rule))" }
        for b in bytes where !isAllowed(b) {
            return "id has a character that is not allowed (\(rule))"
        }
        return nil
    }

    /// True when `id` matches the pattern.
    public static func isValid(_ id: String) -> Bool { problem(id) == nil }

    static func isAllowed(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): return true
        default: return false
        }
    }
}

extension ExternalID {
    /// `unknown hub STAF` for a well-formed id that is not known; for a malformed one, what is
    /// wrong with it, without repeating it.
    public static func unknown(_ kind: String, _ id: String) -> String {
        if let problem = problem(id) { return "\(kind): \(problem)" }
        return "unknown \(kind) \(id)"
    }
}

extension ExternalID {
    /// A file name stem for an id that can never leave the folder it is written in, even for an
    /// id that did not come through an import (one written into the database by hand).
    ///
    /// A valid id is its own name. Any other (with `/`, `..`, NUL, a leading `.`, spaces, non-ASCII…)
    /// becomes `%` and the percent-encoding of every byte that is not a letter, digit, `-` or `_`
    /// (`../x` → `%%2E%2E%2Fx`): the leading `%` cannot start a valid id, so the two never collide.
    /// A name that would pass 200 bytes is cut and ends in a hash of the whole id instead.
    public static func fileName(_ id: String) -> String {
        if isValid(id) { return id }
        var out = "%"
        for b in id.utf8 {
            if isAllowed(b) && b != UInt8(ascii: ".") {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        if out.utf8.count <= 200 { return out }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
        for b in id.utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        return String(out.prefix(180)) + "-" + String(hash, radix: 16)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
