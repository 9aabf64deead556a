import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

/// Listens, on every engine: idempotent creation, who hears a happening (exact, wildcard, scope, active members
/// only), and deletion by id, by member and by scope.
@Suite struct ListenStoreTests {
    private func listen(_ service: UUID, _ member: String, _ pattern: String, scope: String? = nil) throws -> Listen {
        Listen(serviceId: service, memberId: member, eventType: try EventTypePattern(validating: pattern), scope: scope)
    }

    @Test(arguments: TestDatabase.available)
    func creatingTheSameListenTwiceKeepsTheFirst(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            try await store.upsertMembers([Member(serviceId: service, id: "ada")])
            let first = try #require(try await store.createListen(listen(service, "ada", "forums.post.*", scope: "post-1")))
            #expect(first.created)
            let again = try #require(try await store.createListen(listen(service, "ada", "forums.post.*", scope: "post-1")))
            #expect(!again.created)
            #expect(again.listen == first.listen)
            #expect(try await store.createListen(listen(service, "ada", "forums.post.*"))?.created == true)  // another scope
            #expect(try await store.createListen(listen(service, "ada", "forums.post.*"))?.created == false)  // no scope, again
            #expect(try await store.createListen(listen(service, "nobody", "forums.post.*")) == nil)
            let listens = try await store.listens(serviceId: service, memberId: "ada")
            #expect(listens.map(\.scope) == ["post-1", nil])
            #expect(listens.allSatisfy { $0.eventType.text == "forums.post.*" && $0.memberId == "ada" })
        }
    }

    @Test(arguments: TestDatabase.available)
    func listenersMatchByExactTypeWildcardAndScope(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let other = try await ServiceFixture.create(in: store).service.id
            try await store.upsertMembers(["a", "b", "c", "d", "e", "f", "g"].map { Member(serviceId: service, id: $0) })
            try await store.upsertMembers([Member(serviceId: other, id: "a")])
            let listens = [
                try listen(service, "a", "forums.post.comment.new", scope: "post-1"),
                try listen(service, "b", "forums.post.*"),
                try listen(service, "c", "forums.*", scope: "post-2"),
                try listen(service, "d", "forums.post.comment.new"),
                try listen(service, "d", "forums.post.*"),  // d matches twice, and is listed once
                try listen(service, "e", "forums.thread.*"),
                try listen(service, "f", "forums.post.comment.edit"),
                try listen(service, "g", "forums.post.comment.*", scope: "post-1"),
                try listen(other, "a", "forums.post.*"),
            ]
            for listen in listens {
                #expect(try await store.createListen(listen)?.created == true)
            }
            let comment = try EventType(validating: "forums.post.comment.new")
            let cases: [(EventType, String?, [String])] = [
                (comment, "post-1", ["a", "b", "d", "g"]),
                (comment, "post-2", ["b", "c", "d"]),
                (comment, nil, ["b", "d"]),
                (try EventType(validating: "forums.thread.reply"), "post-1", ["e"]),
                (try EventType(validating: "forums.post.comment.edit"), "post-3", ["b", "d", "f"]),
                (try EventType(validating: "clubs.match.result"), nil, []),
            ]
            for (eventType, scope, expected) in cases {
                let found = try await store.listeners(serviceId: service, of: eventType, scope: scope)
                #expect(found.map(\.id) == expected, "\(eventType) in \(scope ?? "no scope")")
                // The store agrees with the rule in HeraldCore.
                let heard = Set(listens.filter { $0.serviceId == service && $0.hears(eventType, in: scope) }.map(\.memberId))
                #expect(Set(found.map(\.id)) == heard)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func inactiveMembersHearNothing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            try await store.upsertMembers([Member(serviceId: service, id: "a"), Member(serviceId: service, id: "b", active: false)])
            try await store.createListen(listen(service, "a", "forums.post.*"))
            try await store.createListen(listen(service, "b", "forums.post.*"))
            let comment = try EventType(validating: "forums.post.comment.new")
            #expect(try await store.listeners(serviceId: service, of: comment, scope: nil).map(\.id) == ["a"])
            try await store.deactivateMember(serviceId: service, id: "a")
            #expect(try await store.listeners(serviceId: service, of: comment, scope: nil).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func deletingByScopeByMemberAndById(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let other = try await ServiceFixture.create(in: store).service.id
            try await store.upsertMembers([Member(serviceId: service, id: "a"), Member(serviceId: service, id: "b"), Member(serviceId: other, id: "a")])
            try await store.createListen(listen(service, "a", "forums.post.comment.new", scope: "post-1"))
            try await store.createListen(listen(service, "b", "forums.post.*", scope: "post-1"))
            try await store.createListen(listen(service, "b", "forums.post.*", scope: "post-2"))
            try await store.createListen(listen(service, "b", "forums.post.*"))
            try await store.createListen(listen(other, "a", "forums.post.*", scope: "post-1"))

            // The post is deleted: every listen on it goes, whatever its type or member; other services' stay.
            #expect(try await store.deleteListens(serviceId: service, scope: "post-1") == 2)
            #expect(try await store.listens(serviceId: service, memberId: "a").isEmpty)
            #expect(try await store.listens(serviceId: service, memberId: "b").map(\.scope) == ["post-2", nil])
            #expect(try await store.listens(serviceId: other, memberId: "a").count == 1)
            let comment = try EventType(validating: "forums.post.comment.new")
            #expect(try await store.listeners(serviceId: service, of: comment, scope: "post-1").map(\.id) == ["b"])  // unscoped

            #expect(try await store.deleteListens(serviceId: service, memberId: "b", eventType: EventTypePattern(validating: "forums.post.*"), scope: "post-2") == 1)
            let remaining = try #require(try await store.listens(serviceId: service, memberId: "b").first)
            #expect(try await !store.deleteListen(serviceId: service, memberId: "a", id: remaining.id))  // not a's
            #expect(try await store.deleteListen(serviceId: service, memberId: "b", id: remaining.id))
            #expect(try await !store.deleteListen(serviceId: service, memberId: "b", id: remaining.id))
            #expect(try await store.listeners(serviceId: service, of: comment, scope: "post-1").isEmpty)
        }
    }

    /// A happening that reaches 50,000 members (the API's bulk limit), half through an unscoped wildcard and half
    /// through an exact listen in the happening's scope; listens of unknown members and repeated ones are skipped.
    @Test(arguments: TestDatabase.available)
    func fiftyThousandListenersInOneCall(database: TestDatabase) async throws {
        try await database.withStore { store in
            let service = try await ServiceFixture.create(in: store).service.id
            let ids = (0..<50_000).map { String(format: "member-%05d", $0) }
            try await store.upsertMembers(ids.map { Member(serviceId: service, id: $0) })
            let listens = try ids.enumerated().map { index, id in
                index.isMultiple(of: 2)
                    ? try listen(service, id, "forums.post.*") : try listen(service, id, "forums.post.comment.new", scope: "post-1")
            }
            #expect(try await store.createListens(listens + [try listen(service, "nobody", "forums.post.*")]) == 50_000)
            #expect(try await store.createListens(Array(listens.prefix(10))) == 0)
            let comment = try EventType(validating: "forums.post.comment.new")
            #expect(try await store.listeners(serviceId: service, of: comment, scope: "post-1").map(\.id) == ids)
            let elsewhere = try await store.listeners(serviceId: service, of: comment, scope: "post-2")
            #expect(elsewhere.map(\.id) == ids.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element))
        }
    }
}
