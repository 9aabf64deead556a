import Foundation

/// Runs a program to its end, for the tests that run `herald`, `cfn-lint` and Python.
///
/// The program is waited for on a dispatch thread, never on one of Swift concurrency's few threads: tests run in
/// parallel, and a blocked concurrency thread delays every other test's wake-ups (a timeout measured elsewhere then
/// fires seconds late).
public enum Subprocess {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    /// Standard error is read after standard output, so it must stay under a pipe's buffer (64 KiB): fine for a
    /// command's messages, not for a log stream.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = executable
                    process.arguments = arguments
                    if let environment { process.environment = environment }
                    let output = Pipe(), errors = Pipe()
                    process.standardOutput = output
                    process.standardError = errors
                    try process.run()
                    let out = output.fileHandleForReading.readDataToEndOfFile()
                    let err = errors.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: Result(
                        status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self)
                    ))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// `python3 ARGUMENTS…`, found on the PATH.
    public static func python(_ arguments: [String]) async throws -> Result {
        try await run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }
}
