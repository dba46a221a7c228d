extension Instant {
    /// Parses an RFC 3339 timestamp that carries its offset: `2026-11-23T07:30:00+00:00`,
    /// `…Z`, `…+01:00`, with optional fractional seconds (truncated). A timestamp without an
    /// offset is refused: its instant would depend on the reader's time zone.
    public init?(rfc3339 text: String) {
        let u = Array(text.utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= u.count else { return nil }
            var v = 0
            for c in u[at..<(at + n)] {
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard u.count >= 20, let year = digits(0, 4), u[4] == 45, let month = digits(5, 2), u[7] == 45,
            let day = digits(8, 2), u[10] == 84 || u[10] == 116,  // 'T' or 't'
            let hour = digits(11, 2), u[13] == 58, let minute = digits(14, 2), u[16] == 58,
            let second = digits(17, 2), hour < 24, minute < 60, second < 60,
            let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        var i = 19
        if i < u.count, u[i] == 46 {  // '.'
            i += 1
            let fractionStart = i
            while i < u.count, u[i] >= 48 && u[i] <= 57 { i += 1 }
            if i == fractionStart { return nil }
        }
        guard i < u.count else { return nil }
        var offset = 0
        if u[i] == 90 || u[i] == 122 {  // 'Z' or 'z'
            i += 1
        } else if u[i] == 43 || u[i] == 45 {  // '+' or '-'
            guard let oh = digits(i + 1, 2), i + 3 < u.count, u[i + 3] == 58, let om = digits(i + 4, 2), oh < 24, om < 60 else { return nil }
            offset = (oh * 60 + om) * (u[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == u.count else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(secondsSinceEpoch: local - Int64(offset) * 60)
    }
}
