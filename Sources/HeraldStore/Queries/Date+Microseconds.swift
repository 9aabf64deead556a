import Foundation

extension Date {
    /// The storage form of a timestamp: whole microseconds since the Unix epoch.
    public var microsecondsSinceEpoch: Int64 {
        Int64((timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// A timestamp read back from storage.
    public init(microsecondsSinceEpoch: Int64) {
        self.init(timeIntervalSince1970: Double(microsecondsSinceEpoch) / 1_000_000)
    }
}
