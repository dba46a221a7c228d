import Foundation

/// Runs one of the map tools a road network is loaded with (osm2pgrouting, osmium) and keeps
/// the end of what it printed. Hand-written over `Process` because no kept library runs a
/// child process; the tools are found on PATH, and arguments are passed as an array. (A tool
/// may still hand a file name to a shell of its own: osm2pgrouting runs `wc -l FILE` through
/// `popen`, so callers pass it only names they made, in a directory of their own.)
struct ExternalTool {
    /// The program's name, looked up on PATH.
    let program: String
    /// The Debian package that ships it, for the message when it is missing.
    let package: String

    /// The program's full path, or nil when it is not installed.
    var path: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the program to its end with `arguments` and extra environment variables, its
    /// output in `scratch` (a directory only this user may read); throws
    /// `TravelError.toolFailed` with its last lines, less any line naming `secret`, when it
    /// exits non-zero.
    func run(_ arguments: [String], environment extra: [String: String] = [:], scratch: URL, secret: String? = nil) throws {
        guard let path else { throw TravelError.missingTool(program: program, package: package) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        // Its output goes to a file, not a pipe: a chatty tool would block on a full pipe.
        let log = scratch.appendingPathComponent("\(program).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw TravelError.toolFailed(program: program, status: -1, output: "cannot write its log in \(scratch.path)")
        }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        if process.terminationStatus != 0 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            // osm2pgrouting prints the password it read from a password file.
            if let secret, !secret.isEmpty { lines.removeAll { $0.contains(secret) } }
            throw TravelError.toolFailed(program: program, status: process.terminationStatus, output: lines.suffix(8).joined(separator: "\n"))
        }
    }

    /// osm2pgrouting, which loads an OpenStreetMap XML extract into pgRouting's tables.
    static let osm2pgrouting = ExternalTool(program: "osm2pgrouting", package: "osm2pgrouting")
    /// osmium, which turns a `.pbf` extract into the XML osm2pgrouting reads.
    static let osmium = ExternalTool(program: "osmium", package: "osmium-tool")
}
