import Foundation

/// Reads files from `../shared/aws` next to the package root (the nearest folder above this
/// file that holds Package.swift).
public enum SharedFixtures {
    public static let awsDirectory: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            precondition(directory.path != "/", "no Package.swift above \(#filePath)")
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("../shared/aws").standardized
    }()

    public static func data(_ path: String) throws -> Data {
        try Data(contentsOf: awsDirectory.appendingPathComponent(path))
    }
}
