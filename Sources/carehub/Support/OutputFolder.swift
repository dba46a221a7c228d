import CareModel
import Foundation

/// The `--out` folder of an export: every file is written under it, whatever its name is made of.
///
/// Names built from ids go through `ExternalID.fileName` first; this is the second wall. A name
/// that is empty, `.`, `..`, contains `/` or NUL, or starts with `.` is refused, and the folder a
/// file lands in (symbolic links resolved) must be the root or below it. A refusal writes nothing
/// more and fails the command.
struct OutputFolder {
    /// The folder as given, and with symbolic links resolved.
    let root: URL
    private let resolvedRoot: String
    /// Files written so far.
    private(set) var written = 0

    init(_ path: String) throws {
        root = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create \(path): \((error as NSError).localizedDescription)")
        }
        resolvedRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Writes `text` to `components` (folders, then the file name) under the root.
    mutating func write(_ text: String, _ components: [String]) throws {
        guard !components.isEmpty, components.allSatisfy(Self.isSafe) else {
            throw CommandFailure("refusing to write a file whose name could leave \(root.path)")
        }
        let url = components.reduce(root) { $0.appendingPathComponent($1) }
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let resolved = folder.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/") else {
            throw CommandFailure("refusing to write outside \(root.path)")
        }
        try writeAtomically(Data(text.utf8), to: URL(fileURLWithPath: resolved).appendingPathComponent(url.lastPathComponent).path)
        written += 1
    }

    /// A single path component that names a file or folder inside its parent.
    static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.hasPrefix(".") && !name.utf8.contains(0) && !name.contains("/")
    }
}
