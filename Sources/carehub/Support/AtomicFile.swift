import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file through a temporary sibling and a rename, so no reader sees half a file.
///
/// Hand-written rather than `Data.write(options: .atomic)` because that also flushes each file
/// to disk (fsync): `roster export` writes a few hundred small files, and the flushes were a
/// sixth of its time on the 15-hub county. These are outputs carehub can always write again, so
/// a crash may lose them but never leaves a torn one under the final name.
func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp").path
    // Foundation's Data.write flushes even without .atomic, so the bytes go through open/write.
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
    let written = data.withUnsafeBytes { bytes -> Bool in
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }
    let reason = String(cString: strerror(errno))
    guard close(fd) == 0, written else {
        unlink(temporary)
        throw CommandFailure("cannot write \(path): \(written ? String(cString: strerror(errno)) : reason)")
    }
    guard rename(temporary, path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw CommandFailure("cannot write \(path): \(reason)")
    }
}
