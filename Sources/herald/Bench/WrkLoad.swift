import Foundation
import HeraldServer

/// HTTP load from `wrk` (a C load generator, far lighter than an in-process client), when it is installed.
///
/// Each request carries the JWT a Notify client would make at that second (`iat` = now); the Lua script holds one
/// pre-signed token per second of the run, so every request's token is fresh and the server checks each one.
struct WrkLoad {
    let baseURL: String
    let key: String
    let connections: Int
    let seconds: Int

    /// The result of one run: requests completed and how many got an unexpected status.
    struct Result {
        let requests: Int
        let seconds: Double
        let failures: Int
    }

    static var isAvailable: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/wrk") }
    }

    /// `body` is a Lua expression for the request body, using `n` (a per-thread counter) and anything `prelude`
    /// defines; nil means GET.
    func run(path: String, luaBody: String?, prelude: String = "") async throws -> Result {
        let start = Int(Date().timeIntervalSince1970)
        let tokens = (0..<(seconds + 60)).map { "\"\(ClientToken.bearer(forKey: key, at: Date(timeIntervalSince1970: Double(start + $0))) ?? "")\"" }
        let method = luaBody == nil ? "GET" : "POST"
        let script = prelude + """
            local tokens = {\(tokens.joined(separator: ","))}
            local start = \(start)
            local n = 0
            request = function()
              n = n + 1
              local headers = {["Authorization"] = tokens[os.time() - start + 1], ["Content-Type"] = "application/json"}
              return wrk.format("\(method)", "\(path)", headers, \(luaBody ?? "nil"))
            end
            """
        let scriptURL = FileManager.default.temporaryDirectory.appendingPathComponent("herald-bench-\(UUID().uuidString).lua")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scriptURL) }
        let text = try await Self.output(of: ["wrk", "-t2", "-c\(connections)", "-d\(seconds)s", "-s", scriptURL.path, baseURL])
        guard let summary = text.split(separator: "\n").first(where: { $0.contains(" requests in ") }),
            let requests = Int(summary.split(separator: " ").first ?? ""),
            let duration = summary.split(separator: " ").dropFirst(3).first.flatMap({ Double($0.dropLast(2).replacingOccurrences(of: "s", with: "")) })
        else { throw BenchFailure("cannot read wrk's output:\n\(text)") }
        let failures = text.split(separator: "\n").first { $0.contains("Non-2xx") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        return Result(requests: requests, seconds: duration, failures: failures)
    }

    /// Runs a program to completion on a dispatch thread, never on a thread that serves Swift concurrency's jobs
    /// (those run the HTTP server under test), and returns its standard output.
    private static func output(of arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = arguments
                let output = Pipe()
                process.standardOutput = output
                do {
                    try process.run()
                    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    process.waitUntilExit()
                    continuation.resume(returning: text)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
