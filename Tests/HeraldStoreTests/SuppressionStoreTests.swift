import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

/// The suppression list, on every engine.
@Suite struct SuppressionStoreTests {
    @Test(arguments: TestDatabase.available)
    func addListFindAndRemoveIgnoringCase(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let other = try await ServiceFixture.create(in: store)
            #expect(try await store.suppress(Suppression(serviceId: fixture.service.id, address: "Ada@Example.org", reason: .manual, source: "support")))
            #expect(try await !store.suppress(Suppression(serviceId: fixture.service.id, address: "ada@example.org", reason: .bounce)))
            let listed = try await store.suppressions(serviceId: fixture.service.id)
            #expect(listed.map(\.address) == ["ada@example.org"])
            #expect(listed.first?.reason == .manual)  // the first reason stays
            #expect(try await store.suppressions(serviceId: other.service.id).isEmpty)  // per service

            let mine = fixture.email(to: "ADA@example.org"), theirs = other.email(to: "ada@example.org"), fine = fixture.email(to: "bo@example.org")
            let found = try await store.suppressions(for: [mine, theirs, fine].map { ($0.id, $0.serviceId, $0.recipient) })
            #expect(Set(found.keys) == [mine.id])

            #expect(try await store.unsuppress(serviceId: fixture.service.id, address: "ADA@example.org"))
            #expect(try await !store.unsuppress(serviceId: fixture.service.id, address: "ada@example.org"))
            #expect(try await store.suppressions(serviceId: fixture.service.id).isEmpty)
        }
    }
}
