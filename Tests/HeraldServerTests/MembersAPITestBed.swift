import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting

extension TestDatabase {
    /// Runs `body` with a fresh store holding one service and its `members`, the real router over it, and a client
    /// that authenticates with the service's live key.
    func withMembersAPI(members: [String] = [], _ body: @Sendable @escaping (HeraldStore, ServiceFixture, APIClient) async throws -> Void) async throws {
        try await withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            try await store.upsertMembers(members.map { Member(serviceId: fixture.service.id, id: $0) })
            try await Application(router: buildRouter(store: store)).test(.router) { client in
                try await body(store, fixture, APIClient(client: client, key: fixture.liveKey.keyString))
            }
        }
    }
}
