import ArgumentParser
import CareModel
import Foundation

extension ISOWeek: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }

    public static var defaultValueDescription: String { "next week" }

    /// The ISO week after the one containing today's UTC date.
    static func next(after now: Date = Date()) -> ISOWeek {
        let today = LocalDate(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        return ISOWeek(containing: today).next
    }
}
