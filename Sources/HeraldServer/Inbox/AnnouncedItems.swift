import Foundation
import HeraldCore

/// The items a live stream has announced, so that a change heard twice (from this process and through the
/// database) announces each item once. Holds at most twice `capacity` ids, then keeps the newest `capacity`: a
/// change only ever asks about items created since it, so older ids are not asked about again.
struct AnnouncedItems {
    var capacity = 1_000
    private var ids: [UUID: Date] = [:]

    /// Records `item`; false when it was announced already.
    mutating func insert(_ item: InboxItem) -> Bool {
        guard ids.updateValue(item.createdAt, forKey: item.id) == nil else { return false }
        if ids.count > 2 * capacity {
            ids = Dictionary(uniqueKeysWithValues: ids.sorted { $0.value > $1.value }.prefix(capacity).map { ($0.key, $0.value) })
        }
        return true
    }
}
