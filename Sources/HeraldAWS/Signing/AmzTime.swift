import Foundation
import HeraldCore

/// A signing time in the two forms SigV4 uses: `20260115T123456Z` and `20260115` (UTC).
struct AmzTime {
    let timestamp: String
    var day: String { String(timestamp.prefix(8)) }

    init(_ date: Date) {
        timestamp = UTCTimestamp.basic(date)
    }
}
