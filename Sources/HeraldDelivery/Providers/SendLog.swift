import Foundation

/// An append-only text file shared by several processes: each line is written with a single `write(2)` on a
/// descriptor opened with `O_APPEND`, so lines from different processes never interleave.
final class SendLog: Sendable {
    private let descriptor: Int32

    init(path: String) throws(ProviderError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw .technical("cannot open send log \(path): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
    }

    func append(_ line: String) {
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    deinit {
        close(descriptor)
    }
}
