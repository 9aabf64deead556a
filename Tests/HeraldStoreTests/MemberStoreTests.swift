import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

/// Members of a service, on every engine: bulk upsert, lookup, paging and deactivation.
@Suite struct MemberStoreTests {
    @Test(arguments: TestDatabase.available)
    func upsertCreatesThenUpdatesKeepingCreationTime(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let other = try await ServiceFixture.create(in: store).service.id
            let created = Date(timeIntervalSince1970: 1_700_000_000)
            let first = try await store.upsertMembers([
                Member(serviceId: service, id: "m1", name: "Ada", email: "ada@example.org", createdAt: created),
                Member(serviceId: service, id: "m2", name: "Bo", phone: "+447700900001", timeZone: "Europe/London", createdAt: created),
                Member(serviceId: other, id: "m1", name: "Someone else", createdAt: created),
            ])
            #expect(first == MemberUpsertCounts(created: 3, updated: 0))

            let later = created.addingTimeInterval(60)
            let second = try await store.upsertMembers([
                Member(serviceId: service, id: "m1", name: "Ada L.", email: nil, active: false, createdAt: later),
                Member(serviceId: service, id: "m3", name: "Cy", createdAt: later),
                Member(serviceId: service, id: "m3", name: "Cy twice", createdAt: later),  // the last one wins
            ])
            #expect(second == MemberUpsertCounts(created: 1, updated: 1))

            let ada = try #require(try await store.member(serviceId: service, id: "m1"))
            #expect(ada.name == "Ada L.")
            #expect(ada.email == nil)
            #expect(!ada.active)
            #expect(ada.createdAt == created)
            #expect(ada.updatedAt == later)
            #expect(try await store.member(serviceId: service, id: "m3")?.name == "Cy twice")
            #expect(try await store.member(serviceId: service, id: "m2")?.timeZone == "Europe/London")
            #expect(try await store.member(serviceId: other, id: "m1")?.name == "Someone else")
            #expect(try await store.member(serviceId: other, id: "m2") == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func pagesFollowMemberIdOrder(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            try await store.upsertMembers(["e", "b", "d", "a", "c"].map { Member(serviceId: service, id: $0) })
            let firstPage = try await store.members(serviceId: service, limit: 2)
            #expect(firstPage.map(\.id) == ["a", "b"])
            let secondPage = try await store.members(serviceId: service, after: "b", limit: 2)
            #expect(secondPage.map(\.id) == ["c", "d"])
            #expect(try await store.members(serviceId: service, after: "d", limit: 2).map(\.id) == ["e"])
            #expect(try await store.members(serviceId: service, after: "e").isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func deactivationKeepsTheMember(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            try await store.upsertMembers([Member(serviceId: service, id: "m1", email: "ada@example.org")])
            #expect(try await store.deactivateMember(serviceId: service, id: "m1"))
            #expect(try await !store.deactivateMember(serviceId: service, id: "nobody"))
            let member = try #require(try await store.member(serviceId: service, id: "m1"))
            #expect(!member.active)
            #expect(member.email == "ada@example.org")
        }
    }

    /// The API's limit in one call: every member is created, then every one updated, and all read back.
    @Test(arguments: TestDatabase.available)
    func fiftyThousandMembersInOneCall(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let ids = (0..<50_000).map { String(format: "member-%05d", $0) }
            let members = ids.map { Member(serviceId: service, id: $0, name: "Member \($0)", email: "\($0)@example.org") }
            #expect(try await store.upsertMembers(members) == MemberUpsertCounts(created: 50_000, updated: 0))
            let renamed = members.map { member in
                var member = member
                member.name = "Renamed \(member.id)"
                return member
            }
            #expect(try await store.upsertMembers(renamed) == MemberUpsertCounts(created: 0, updated: 50_000))
            let all = try await store.members(serviceId: service, limit: 60_000)
            #expect(all.map(\.id) == ids)
            #expect(all.allSatisfy { $0.name == "Renamed \($0.id)" && $0.email == "\($0.id)@example.org" })
        }
    }
}
