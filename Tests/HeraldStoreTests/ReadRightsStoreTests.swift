import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

/// Batches and read rights on every engine: a notification's batch, grants that add up, replacing them, and the
/// service's email admin role.
@Suite struct ReadRightsStoreTests {
    @Test(arguments: TestDatabase.available)
    func grantsAddUpPerServiceAndBatchAndCanBeReplaced(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let other = try await ServiceFixture.create(in: store).service.id
            try await store.grantBatchReaders(serviceId: service, batchId: "b1", roles: ["club-1-admins"])
            try await store.grantBatchReaders(serviceId: service, batchId: "b1", roles: ["club-2-admins", "club-1-admins", "club-2-admins"])
            try await store.grantBatchReaders(serviceId: service, batchId: "b2", roles: ["club-9-admins"])
            try await store.grantBatchReaders(serviceId: other, batchId: "b1", roles: ["theirs"])
            #expect(try await store.batchReaders(serviceId: service, batchId: "b1") == ["club-1-admins", "club-2-admins"])
            #expect(try await store.batchReaders(serviceId: other, batchId: "b1") == ["theirs"])
            #expect(try await store.batchReaders(serviceId: service, batchId: "none") == [])

            try await store.replaceBatchReaders(serviceId: service, batchId: "b1", roles: ["club-3-admins"])
            #expect(try await store.batchReaders(serviceId: service, batchId: "b1") == ["club-3-admins"])
            try await store.replaceBatchReaders(serviceId: service, batchId: "b1", roles: [])
            #expect(try await store.batchReaders(serviceId: service, batchId: "b1") == [])
            #expect(try await store.batchReaders(serviceId: service, batchId: "b2") == ["club-9-admins"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func theEmailAdminRoleIsPerServiceWithADefault(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let other = try await ServiceFixture.create(in: store).service.id
            #expect(try await store.emailAdminRole(serviceId: service) == "email-admin")
            try await store.setEmailAdminRole("staff", serviceId: service)
            try await store.setEmailAdminRole("staff-admins", serviceId: service)
            #expect(try await store.emailAdminRole(serviceId: service) == "staff-admins")
            #expect(try await store.emailAdminRole(serviceId: other) == "email-admin")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBatchsNotificationsListNewestFirst(database: TestDatabase) async throws {
        try await database.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            var notifications = (0..<3).map { fixture.email(to: "m\($0)@example.org", createdAt: start.addingTimeInterval(Double($0))) }
            for index in notifications.indices { notifications[index].batchId = "b1" }
            notifications.append(fixture.email(to: "other@example.org", createdAt: start.addingTimeInterval(9)))
            _ = try await store.enqueue(notifications, priority: .bulk)
            #expect(try await store.notification(id: notifications[0].id)?.batchId == "b1")
            #expect(try await store.notification(id: notifications[3].id)?.batchId == nil)
            let first = try await store.notifications(NotificationFilter(serviceId: fixture.service.id, batchId: "b1", limit: 2))
            #expect(first.map(\.recipient) == ["m2@example.org", "m1@example.org"])
            let rest = try await store.notifications(NotificationFilter(serviceId: fixture.service.id, batchId: "b1", olderThan: first[1].id))
            #expect(rest.map(\.recipient) == ["m0@example.org"])
        }
    }
}
