import Foundation

/// Named points inside long transactions where a fault test can stop the world.
///
/// Inert unless the environment variable `CAREHUB_TEST_PAUSE_AT` names the point: then, the first
/// time the point is reached, the process touches the file named by `CAREHUB_TEST_PAUSE_SIGNAL`
/// (if set), so the test knows the transaction is open with writes in it, and sleeps
/// `CAREHUB_TEST_PAUSE_SECONDS` (default 10) before going on. `scripts/chaos` stops PostgreSQL
/// during that sleep. Nothing is printed, so the command's own error stays the only output.
///
/// Points: `import-row` (an import, after its first row is written), `publish` (after the
/// previous version is superseded and before the new one is marked published), `rebalance`
/// (after the repaired version is published and before the hub's cursor moves), `generate`
/// (after the first hub's draft and its assignments are written), `plan` (after the week's new
/// visits are inserted, before counting).
public enum FaultPoint {
    private static let fired = Mutex()
    /// The point asked for, read once (an import reaches its point once per row).
    private static let requested = ProcessInfo.processInfo.environment["CAREHUB_TEST_PAUSE_AT"]

    /// Pauses here if the environment asks for `name`.
    public static func reach(_ name: String) {
        guard let requested, requested == name, fired.firstTime() else { return }
        let environment = ProcessInfo.processInfo.environment
        if let signal = environment["CAREHUB_TEST_PAUSE_SIGNAL"] {
            _ = FileManager.default.createFile(atPath: signal, contents: Data(name.utf8))
        }
        let seconds = environment["CAREHUB_TEST_PAUSE_SECONDS"].flatMap(Double.init) ?? 10
        Thread.sleep(forTimeInterval: seconds)
    }

    /// A once-only flag.
    private final class Mutex: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false

        func firstTime() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if done { return false }
            done = true
            return true
        }
    }
}
