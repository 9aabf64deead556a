import Foundation
import Logging
import NIOHTTP1

/// Seconds `body` took, on the monotonic clock.
func elapsedSeconds(_ body: () async throws -> Void) async throws -> Double {
    let started = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - started
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Waits until the server behind `load` answers `GET /_status`.
func waitForServer(_ load: HTTPLoad) async throws {
    for _ in 0..<100 {
        if (try? await load.run(count: 1, expecting: 200) { _ in (.GET, "/_status", nil) }) != nil { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw BenchFailure("the server at \(load.baseURL) did not start")
}

/// A benchmark's database setting (`database`, or a new SQLite file in the temporary folder named after `command`)
/// and its logger (warnings only).
func benchDatabase(_ database: String?, command: String) -> (setting: String, logger: Logger) {
    var logger = makeLogger("herald.\(command)")
    logger.logLevel = .warning
    let setting = database ?? FileManager.default.temporaryDirectory.appendingPathComponent("herald-\(command)-\(UUID().uuidString).sqlite").path
    return (setting, logger)
}
