import CareModel

/// Parses PostgreSQL's ISO `timestamptz` output. Hand-written because the format is fixed by
/// the connection's DateStyle and Foundation's date parsers do not take `+05:30:28` offsets.
enum TimestampParser {
    static func parse(_ text: String) -> Instant? {
        // "YYYY-MM-DD HH:MM:SS[.ffffff](+|-)HH[:MM[:SS]]"
        let chars = Array(text.utf8)
        guard chars.count >= 22, chars[10] == UInt8(ascii: " ") || chars[10] == UInt8(ascii: "T"),
            let date = LocalDate(iso: String(decoding: chars[0..<10], as: UTF8.self)),
            let h = number(chars, 11, 2), chars[13] == UInt8(ascii: ":"),
            let m = number(chars, 14, 2), chars[16] == UInt8(ascii: ":"),
            let s = number(chars, 17, 2), h < 24, m < 60, s < 61
        else { return nil }
        var i = 19
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            i += 1
            while i < chars.count, (48...57).contains(chars[i]) { i += 1 }
        }
        guard i < chars.count, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = chars[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        var offsetParts: [Int] = []
        while offsetParts.count < 3 {
            guard let part = number(chars, i, 2) else { return nil }
            offsetParts.append(part)
            i += 2
            if i == chars.count { break }
            guard chars[i] == UInt8(ascii: ":") else { return nil }
            i += 1
        }
        guard i == chars.count else { return nil }
        let offset = Int64(
            offsetParts[0] * 3600 + (offsetParts.count > 1 ? offsetParts[1] * 60 : 0)
                + (offsetParts.count > 2 ? offsetParts[2] : 0))
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(h * 3600 + m * 60 + s)
        return Instant(secondsSinceEpoch: local - sign * offset)
    }

    private static func number(_ chars: [UInt8], _ at: Int, _ width: Int) -> Int? {
        guard at + width <= chars.count else { return nil }
        var value = 0
        for c in chars[at..<(at + width)] {
            guard (48...57).contains(c) else { return nil }
            value = value * 10 + Int(c - 48)
        }
        return value
    }
}

/// Splits a one-dimensional PostgreSQL array literal into element texts (nil for NULL).
enum ArrayLiteralParser {
    static func parse(_ text: String) -> [String?]? {
        var chars = Substring(text)
        guard chars.first == "{", chars.last == "}" else { return nil }
        chars = chars.dropFirst().dropLast()
        if chars.isEmpty { return [] }
        var items: [String?] = []
        var iterator = chars.makeIterator()
        var current = ""
        var quoted = false
        var wasQuoted = false
        while let ch = iterator.next() {
            if quoted {
                if ch == "\\" {
                    guard let next = iterator.next() else { return nil }
                    current.append(next)
                } else if ch == "\"" {
                    quoted = false
                } else {
                    current.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
                wasQuoted = true
            } else if ch == "," {
                items.append(!wasQuoted && current == "NULL" ? nil : current)
                current = ""
                wasQuoted = false
            } else if ch == "{" || ch == "}" {
                return nil  // nested arrays are not used by carehub
            } else {
                current.append(ch)
            }
        }
        guard !quoted else { return nil }
        items.append(!wasQuoted && current == "NULL" ? nil : current)
        return items
    }
}
