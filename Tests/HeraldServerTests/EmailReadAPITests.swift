import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import HummingbirdTesting
import Testing

/// Herald's read API for sent emails: who may read them (`Herald-Viewer`, `Herald-Viewer-Roles`, batch grants, the
/// email admin role) and their tracking records.
@Suite struct EmailReadAPITests {
    /// `GET path` as the platform asks it for `viewer` holding `roles` (nil: no roles header).
    private func read(_ api: APIClient, _ path: String, viewer: String? = "u-1", roles: String? = nil) async throws -> APIClient.Reply {
        var headers: HTTPFields = [:]
        if let viewer { headers[HTTPField.Name("Herald-Viewer")!] = viewer }
        if let roles { headers[HTTPField.Name("Herald-Viewer-Roles")!] = roles }
        return try await api.send(path, method: .get, body: nil, headers: headers)
    }

    private func send(_ api: APIClient, _ fixture: ServiceFixture, to address: String, extra: [String: Any] = [:]) async throws -> String {
        let body: [String: Any] = [
            "email_address": address, "template_id": fixture.template.id.storageString, "personalisation": ["name": "Ada", "code": "42"],
        ].merging(extra) { $1 }
        let reply = try await api.post("/v2/notifications/email", json: body)
        #expect(reply.status == .created, "\(reply.json)")
        return try #require(reply.json["id"] as? String)
    }

    @Test(arguments: TestDatabase.available)
    func aViewerWithoutTheRightRoleGets403AndWithItGets200(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            let older = try await send(api, fixture, to: "a@example.org", extra: ["batch_id": "club-123-news", "batch_readers": ["club-123-admins"]])
            let newer = try await send(api, fixture, to: "b@example.org", extra: ["batch_id": "club-123-news", "batch_readers": ["club-123-committee"]])
            let unbatched = try await send(api, fixture, to: "c@example.org")

            let refused = try await read(api, "/herald/v1/emails/\(older)", roles: "member, club-9-admins")
            #expect(refused.status == .forbidden)
            #expect(refused.json["status_code"] as? Int == 403)
            #expect(refused.firstError?.0 == "ForbiddenError")
            #expect(try await read(api, "/herald/v1/emails/\(older)").status == .forbidden)  // no roles at all

            let allowed = try await read(api, "/herald/v1/emails/\(older)", roles: "member,club-123-admins")
            #expect(allowed.status == .ok)
            #expect(allowed.json["email_address"] as? String == "a@example.org")
            #expect(allowed.json["subject"] as? String == "Hello Ada")
            #expect(allowed.json["body"] as? String == "Dear Ada, your code is 42.")
            #expect(allowed.json["batch_id"] as? String == "club-123-news")
            #expect(allowed.json["created_at"] is String)
            let tracking = try #require(allowed.json["tracking"] as? [String: Any])
            #expect(Set(tracking.keys) == ["sent", "delivered", "opened", "clicked", "bounced", "complained"])
            #expect(tracking.values.allSatisfy { $0 is NSNull })
            // The second send added its role group to the batch's.
            #expect(try await read(api, "/herald/v1/emails/\(older)", roles: "club-123-committee").status == .ok)
            #expect(try await read(api, "/herald/v1/emails/\(older)", roles: "email-admin").status == .ok)

            // An email in no batch: admins only.
            #expect(try await read(api, "/herald/v1/emails/\(unbatched)", roles: "club-123-admins").status == .forbidden)
            #expect(try await read(api, "/herald/v1/emails/\(unbatched)", roles: "email-admin").status == .ok)

            // The batch's list: the same rule, newest first, paged.
            #expect(try await read(api, "/herald/v1/batches/club-123-news/emails", roles: "member").status == .forbidden)
            let page = try await read(api, "/herald/v1/batches/club-123-news/emails?page_size=1", roles: "club-123-admins")
            #expect(page.status == .ok)
            #expect((page.json["emails"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [newer])
            let next = try #require((page.json["links"] as? [String: Any])?["next"] as? String)
            #expect(next.hasSuffix("herald/v1/batches/club-123-news/emails?older_than=\(newer)&page_size=1"))
            let rest = try await read(api, "/herald/v1/batches/club-123-news/emails?older_than=\(newer)", roles: "email-admin")
            #expect((rest.json["emails"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [older])
            #expect((rest.json["links"] as? [String: Any])?["next"] == nil)

            // Replacing the readers revokes; the admin role is the service's choice.
            let readers = try await api.send("/herald/v1/batches/club-123-news/readers", method: .put, body: Data(#"{"readers": ["club-7-admins"]}"#.utf8))
            #expect(readers.status == .ok)
            #expect(readers.json["readers"] as? [String] == ["club-7-admins"])
            #expect(try await api.get("/herald/v1/batches/club-123-news/readers").json["readers"] as? [String] == ["club-7-admins"])
            #expect(try await read(api, "/herald/v1/emails/\(older)", roles: "club-123-admins").status == .forbidden)
            #expect(try await read(api, "/herald/v1/emails/\(older)", roles: "club-7-admins").status == .ok)
            #expect(try await api.get("/herald/v1/settings").json["email_admin_role"] as? String == "email-admin")
            let settings = try await api.send("/herald/v1/settings", method: .put, body: Data(#"{"email_admin_role": "staff"}"#.utf8))
            #expect(settings.json["email_admin_role"] as? String == "staff")
            #expect(try await read(api, "/herald/v1/emails/\(unbatched)", roles: "email-admin").status == .forbidden)
            #expect(try await read(api, "/herald/v1/emails/\(unbatched)", roles: "staff").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.available)
    func missingViewerUnknownIdsAndOtherServicesEmails(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            let id = try await send(api, fixture, to: "a@example.org", extra: ["batch_id": "b1"])
            let noViewer = try await read(api, "/herald/v1/emails/\(id)", viewer: nil, roles: "email-admin")
            #expect(noViewer.status == .badRequest)
            #expect(noViewer.firstError?.0 == "BadRequestError")
            #expect(try await read(api, "/herald/v1/batches/b1/emails", viewer: " ", roles: "email-admin").status == .badRequest)
            #expect(try await read(api, "/herald/v1/emails/\(UUID().uuidString)", roles: "email-admin").status == .notFound)
            #expect(try await read(api, "/herald/v1/emails/not-a-uuid", roles: "email-admin").status == .badRequest)
            #expect(try await read(api, "/herald/v1/batches/unknown/emails", roles: "email-admin").status == .notFound)
            #expect(try await read(api, "/herald/v1/batches/unknown/emails", roles: "member").status == .notFound)

            let other = try await ServiceFixture.create(in: store)
            let theirs = APIClient(client: api.client, key: other.liveKey.keyString)
            let hidden = try await read(theirs, "/herald/v1/emails/\(id)", roles: "email-admin")
            #expect(hidden.status == .notFound)
            #expect(hidden.firstError?.0 == "NoResultFound")
            #expect(try await read(theirs, "/herald/v1/batches/b1/emails", roles: "email-admin").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.available)
    func invalidBatchFieldsAreRefused(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            let reply = try await api.post("/v2/notifications/email", json: [
                "email_address": "a@example.org", "template_id": fixture.template.id.storageString,
                "personalisation": ["name": "A", "code": "1"], "batch_readers": ["ok", 7, "a,b", ""],
            ])
            #expect(reply.status == .badRequest)
            let messages = (reply.json["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String }
            #expect(messages == [
                "batch_readers[1] 7 is not of type string", "batch_readers[2] must not contain a comma",
                "batch_readers[3] must be 1 to 255 characters long",
            ])
            let noBatch = try await api.post("/v2/notifications/email", json: [
                "email_address": "a@example.org", "template_id": fixture.template.id.storageString,
                "personalisation": ["name": "A", "code": "1"], "batch_readers": ["ok"],
            ])
            #expect(noBatch.firstError?.1 == "batch_readers needs a batch_id")
            let badBatch = try await api.post("/v2/notifications/email", json: [
                "email_address": "a@example.org", "template_id": fixture.template.id.storageString,
                "personalisation": ["name": "A", "code": "1"], "batch_id": 5,
            ])
            #expect(badBatch.firstError?.1 == "batch_id 5 is not of type string")
            let badReaders = try await api.send("/herald/v1/batches/b1/readers", method: .put, body: Data(#"{"readers": "x", "more": 1}"#.utf8))
            #expect((badReaders.json["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String } == [
                "Additional properties are not allowed (more was unexpected)", "readers x is not of type array",
            ])
            let badRole = try await api.send("/herald/v1/settings", method: .put, body: Data(#"{"email_admin_role": "a,b"}"#.utf8))
            #expect(badRole.firstError?.1 == "email_admin_role must not contain a comma")
        }
    }

    @Test(arguments: TestDatabase.available)
    func trackingFillsInAsSESReportsDeliveryAComplaintAndAnOpen(database: TestDatabase) async throws {
        try await database.withRunningHerald { store, fixture, api in
            let id = try await send(api, fixture, to: "complaint@simulator.amazonses.com", extra: ["batch_id": "b1"])
            let bounced = try await send(api, fixture, to: "bounce@simulator.amazonses.com", extra: ["batch_id": "b1"])
            #expect(try await api.waitForStatus("delivered", of: id) == "delivered")
            #expect(try await api.waitForStatus("permanent-failure", of: bounced) == "permanent-failure")

            // SES publishes an Open for the complained-about message later; it arrives through the feedback inbox.
            let uuid = try #require(UUID(uuidString: id))
            let stored = try #require(try await store.notification(id: uuid))
            let messageId = try #require(stored.providerMessageId)
            let open = String(decoding: try SharedFixtures.data("fixtures/ses-events/open.json"), as: UTF8.self)
                .replacingOccurrences(of: "0100019a8c1e2f3b-5d2c8e7a-1b2c-4d5e-8f90-a1b2c3d4e5f6-000000", with: messageId)
            try await store.write { writer in
                try await writer.appendFeedback([FeedbackDocument(source: "test", body: open, receivedAt: Date())])
            }
            var tracking: [String: Any] = [:]
            for _ in 0..<600 where !(tracking["opened"] is String) {
                tracking = try await read(api, "/herald/v1/emails/\(id)", roles: "email-admin").json["tracking"] as? [String: Any] ?? [:]
                try await Task.sleep(for: .milliseconds(50))
            }
            for field in ["sent", "delivered", "complained", "opened"] {
                #expect(tracking[field] is String, "\(field) in \(tracking)")
            }
            #expect(tracking["bounced"] is NSNull)
            #expect(tracking["clicked"] is NSNull)

            let batch = try await read(api, "/herald/v1/batches/b1/emails", roles: "email-admin")
            let emails = try #require(batch.json["emails"] as? [[String: Any]])
            let bounce = try #require(emails.first { $0["id"] as? String == bounced }?["tracking"] as? [String: Any])
            #expect(bounce["bounced"] is String)
            #expect(bounce["sent"] is String)
            #expect(bounce["delivered"] is NSNull)
        }
    }
}
