import Foundation

/// Runs a program to its end, for the tests that run `herald` and `cfn-lint`.
enum Subprocess {
    struct Result: Sendable {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Standard error is read after standard output, so it must stay under a pipe's buffer (64 KiB): fine for a
    /// command's messages, not for a log stream.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) async throws -> Result {
        try await Task.detached {
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
            return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
        }.value
    }
}
