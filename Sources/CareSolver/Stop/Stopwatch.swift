/// Seconds since a search began, read from its stopping criterion's clock.
struct Stopwatch {
    let clock: @Sendable () -> Double
    let began: Double

    /// Starts now.
    init(clock: @escaping @Sendable () -> Double) {
        self.clock = clock
        began = clock()
    }

    /// Seconds since the start.
    func elapsed() -> Double { clock() - began }
}
