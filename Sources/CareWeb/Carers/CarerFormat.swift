/// Hours and money as the carer pages print them.
enum CarerFormat {
    /// `7 h 30 min`, `45 min`, `0 min`.
    static func hours(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "−" : ""
        let m = abs(minutes)
        if m < 60 { return "\(sign)\(m) min" }
        return m % 60 == 0 ? "\(sign)\(m / 60) h" : "\(sign)\(m / 60) h \(m % 60) min"
    }

    /// `£12.21`.
    static func pounds(_ pence: Int) -> String {
        let p = abs(pence)
        let cents = p % 100
        return (pence < 0 ? "−" : "") + "£\(p / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
