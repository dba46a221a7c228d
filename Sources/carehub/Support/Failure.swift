import ArgumentParser
import CareStore
import Foundation

/// Runs a command body; any failure becomes one line on stderr and exit code 1.
///
/// No stack traces and no values from rows: `StoreError.description` is written to be safe
/// (see its documentation), and other carehub errors name identifiers only.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        writeError("carehub: \(error)")
        if ProcessInfo.processInfo.environment["CAREHUB_DEBUG"] == "1", let store = error as? StoreError {
            writeError(store.debugDescription)
        }
        throw ExitCode.failure
    }
}

/// Writes a line to standard error.
func writeError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A refusal that is not a database error: says what is wrong and what to do.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
