/// What a bulk upsert of members did: how many members it created and how many existing ones it updated.
public struct MemberUpsertCounts: Sendable, Equatable {
    public var created: Int
    public var updated: Int

    public init(created: Int, updated: Int) {
        self.created = created
        self.updated = updated
    }
}
