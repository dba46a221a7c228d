import CareModel
import Foundation

extension Instant {
    /// The clock's time now. CareModel keeps no clock (its values are computed, never read from
    /// the machine); workflows read it here.
    public static var now: Instant { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }
}
