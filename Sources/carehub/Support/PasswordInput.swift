import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a password: on a terminal, prompted twice with echo off; otherwise one line from
/// standard input (for scripts: `printf '%s\n' "$pw" | carehub people password …`).
enum PasswordInput {
    static func read(prompt: String) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure("no password on standard input (one line expected)")
            }
            return line
        }
        let first = try readHidden(prompt)
        let second = try readHidden("Again: ")
        guard first == second else { throw CommandFailure("the two passwords differ; nothing changed") }
        return first
    }

    /// One line from the terminal with echo turned off (and restored even on failure).
    private static func readHidden(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure("no password entered") }
        return line
    }
}
