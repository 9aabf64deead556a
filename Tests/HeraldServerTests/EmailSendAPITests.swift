import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import HTTPTypes
import HummingbirdTesting
import Testing

/// `POST /herald/v1/emails`: the members' platform's email use cases through the real router, with the simulator
/// delivering.
@Suite struct EmailSendAPITests {
    private static let admin: HTTPFields = [HTTPField.Name("Herald-Viewer")!: "staff-1", HTTPField.Name("Herald-Viewer-Roles")!: "email-admin"]

    private func ids(_ reply: APIClient.Reply) -> [String] {
        (reply.json["emails"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }

    @Test(arguments: TestDatabase.available)
    func aFormattedEmailToManyPeopleWithTheirOwnContextIsDelivered(database: TestDatabase) async throws {
        try await database.withRunningHerald { store, fixture, api in
            try await store.upsertMembers([Member(serviceId: fixture.service.id, id: "ada", email: "ada@example.org")])
            let reply = try await api.post("/herald/v1/emails", json: [
                "subject": "Your ((club)) renewal", "body": "Dear ((name)),\nSee you at ((club)).",
                "html": "<p>Dear <b>((name))</b>, see you at ((club)).</p>",
                "personalisation": ["club": "Riverside", "name": "member"],
                "recipients": [
                    ["email_address": "ada@example.org", "personalisation": ["name": "Ada <3"], "reference": "m-1"],
                    ["email_address": "success@simulator.amazonses.com"],
                ],
                "reply_to": "secretary@riverside.example", "delivery": "immediate",
                "batch_id": "renewals-2026", "batch_readers": ["club-riverside-admins"], "in_app": true,
            ])
            #expect(reply.status == .created, "\(reply.json)")
            #expect(reply.json["batch_id"] as? String == "renewals-2026")
            #expect(reply.json["in_app"] as? Int == 1)  // Ada is a member; the simulator's address is not
            #expect(try await store.inboxItems(serviceId: fixture.service.id, memberId: "ada").first?.title == "Your Riverside renewal")
            let emails = ids(reply)
            #expect(emails.count == 2)
            for id in emails {
                #expect(try await api.waitForStatus("delivered", of: id) == "delivered")
            }
            let notify = try await api.get("/v2/notifications/\(emails[0])").json
            #expect(notify["subject"] as? String == "Your Riverside renewal")
            #expect(notify["body"] as? String == "Dear Ada <3,\nSee you at Riverside.")
            #expect(notify["reference"] as? String == "m-1")
            #expect((notify["template"] as? [String: Any])?["id"] as? String == Template.formattedId.storageString)

            let read = try await api.send("/herald/v1/emails/\(emails[0])", method: .get, body: nil, headers: Self.admin).json
            #expect(read["reply_to"] as? String == "secretary@riverside.example")
            #expect(read["html"] as? String == "<p>Dear <b>Ada &lt;3</b>, see you at Riverside.</p>")
            #expect(read["batch_id"] as? String == "renewals-2026")
            #expect(try await store.batchReaders(serviceId: fixture.service.id, batchId: "renewals-2026") == ["club-riverside-admins"])
            let second = try await api.get("/v2/notifications/\(emails[1])").json
            #expect(second["body"] as? String == "Dear member,\nSee you at Riverside.")
        }
    }

    @Test(arguments: TestDatabase.available)
    func anEmailToManyPeopleByBlindCopyGoesInBatchesOfFiftyAndOneBounceFailsOnlyThatRecipient(database: TestDatabase) async throws {
        try await database.withRunningHerald { store, fixture, api in
            try await store.upsertMembers([Member(serviceId: fixture.service.id, id: "ada", email: "ada@example.org")])
            _ = try await store.suppress(Suppression(serviceId: fixture.service.id, address: "gone@example.org", reason: .manual))
            var addresses = (0..<120).map { "member\($0)@example.org" }
            addresses[3] = "bounce@simulator.amazonses.com"
            addresses[60] = "complaint@simulator.amazonses.com"
            addresses[100] = "gone@example.org"
            addresses[119] = "ada@example.org"
            let reply = try await api.post("/herald/v1/emails", json: [
                "subject": "AGM on ((day))", "body": "The AGM is on ((day)).", "personalisation": ["day": "Friday"],
                "bcc": addresses + ["MEMBER0@example.org"], "batch_id": "agm", "in_app": true,
            ])
            #expect(reply.status == .created, "\(reply.json)")
            let emails = try #require(reply.json["emails"] as? [[String: Any]])
            #expect(emails.map { $0["email_address"] as? String } == ["member0@example.org", "member50@example.org", "gone@example.org"])
            #expect(emails.map { ($0["bcc"] as? [String])?.count } == [49, 49, 19])  // the repeated MEMBER0 is dropped
            #expect(reply.json["in_app"] as? Int == 1)
            for id in ids(reply) {
                #expect(try await api.waitForStatus("delivered", of: id) == "delivered")
            }
            func outcomes(_ id: String) async throws -> [String: String] {
                let read = try await api.send("/herald/v1/emails/\(id)", method: .get, body: nil, headers: Self.admin).json
                let recipients = read["recipients"] as? [[String: Any]] ?? []
                return Dictionary(uniqueKeysWithValues: recipients.compactMap { r in
                    (r["email_address"] as? String).map { ($0, "\(r["status"] ?? "")" + (r["complained"] as? Bool == true ? " complained" : "")) }
                })
            }
            let first = try await outcomes(ids(reply)[0])
            #expect(first.count == 50)
            #expect(first["bounce@simulator.amazonses.com"] == "permanent-failure")
            #expect(first.filter { $0.value == "delivered" }.count == 49)
            #expect(try await outcomes(ids(reply)[1])["complaint@simulator.amazonses.com"] == "delivered complained")
            let third = try await outcomes(ids(reply)[2])
            #expect(third["gone@example.org"] == "permanent-failure")  // suppressed: left out of the send
            #expect(third["ada@example.org"] == "delivered")
            let suppressed = Set(try await store.suppressions(serviceId: fixture.service.id).map(\.address))
            #expect(suppressed.isSuperset(of: ["bounce@simulator.amazonses.com", "complaint@simulator.amazonses.com"]))

            let allBounce = try await api.post("/herald/v1/emails", json: [
                "subject": "S", "body": "B", "bcc": ["bounce+1@simulator.amazonses.com", "bounce+2@simulator.amazonses.com"],
            ])
            #expect(try await api.waitForStatus("permanent-failure", of: ids(allBounce)[0]) == "permanent-failure")

            let invalid = try await api.post("/herald/v1/emails", json: [
                "subject": "S", "body": "B", "bcc": ["a@example.org", "nope", 3], "recipients": [["email_address": "a@example.org"]],
            ])
            #expect(invalid.status == .badRequest)
            #expect(invalid.firstError?.1 == "recipients and bcc cannot both be given")
            let badAddresses = try await api.post("/herald/v1/emails", json: ["subject": "S", "body": "B", "bcc": ["a@example.org", "nope", 3]])
            #expect((badAddresses.json["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String } == [
                "bcc[1] Not a valid email address", "bcc[2] 3 is not of type string",
            ])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRepeatedCallWithTheSameIdempotencyKeySendsNothingNewAndListsTheFirstCallsEmails(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            try await store.upsertMembers([Member(serviceId: fixture.service.id, id: "ada", email: "ada@example.org")])
            let body: [String: Any] = [
                "subject": "Committee meeting", "body": "Thursday at 7.", "in_app": true,
                "recipients": [["email_address": "ada@example.org"], ["email_address": "bob@example.org"]],
            ]
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "meeting-2026-11"]
            let first = try await api.post("/herald/v1/emails", json: body, headers: key)
            #expect(first.status == .created, "\(first.json)")
            #expect(first.json["in_app"] as? Int == 1)
            let repeated = try await api.post("/herald/v1/emails", json: body, headers: key)
            #expect(repeated.status == .created, "\(repeated.json)")
            #expect(ids(repeated) == ids(first))
            #expect(repeated.json["in_app"] as? Int == 0)
            #expect(try await store.statusCounts().values.reduce(0, +) == 2)
            #expect(try await store.inboxItems(serviceId: fixture.service.id, memberId: "ada").count == 1)

            // Another key is another send.
            let other = try await api.post("/herald/v1/emails", json: body, headers: [HTTPField.Name("Idempotency-Key")!: "meeting-2026-12"])
            #expect(Set(ids(other)).isDisjoint(with: ids(first)))
            #expect(try await store.statusCounts().values.reduce(0, +) == 4)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aTemplatedEmailIsQueuedByDefaultAndAnImmediateOneOvertakesIt(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            let reply = try await api.post("/herald/v1/emails", json: [
                "template_id": fixture.template.id.storageString, "personalisation": ["code": "7"],
                "recipients": [["email_address": "a@example.org", "personalisation": ["name": "A"]], ["email_address": "b@example.org", "personalisation": ["name": "B"]]],
            ])
            #expect(reply.status == .created, "\(reply.json)")
            #expect(reply.json["batch_id"] is NSNull)
            let emails = ids(reply)
            let firstId = try #require(UUID(uuidString: emails[0]))
            let first = try #require(try await store.notification(id: firstId))
            #expect(first.body == "Dear A, your code is 7.")
            #expect(first.templateId == fixture.template.id)
            #expect(first.replyTo == nil)
            // An immediate send overtakes the queued ones.
            let immediate = try await api.post("/herald/v1/emails", json: [
                "template_id": fixture.template.id.storageString, "personalisation": ["code": "8", "name": "C"],
                "recipients": [["email_address": "c@example.org"]], "delivery": "immediate",
            ])
            let claimed = try await store.claimDeliveries(owner: "test", limit: 1, lease: 60)
            #expect(claimed.map(\.notification.id.storageString) == ids(immediate))
            #expect(try await api.get("/v2/notifications/\(emails[1])").json["body"] as? String == "Dear B, your code is 7.")
        }
    }

    @Test(arguments: TestDatabase.available)
    func everyProblemIsReportedAndNothingIsStored(database: TestDatabase) async throws {
        try await database.withMembersAPI { store, fixture, api in
            let invalid = try await api.post("/herald/v1/emails", json: [
                "subject": "Hi", "recipients": [["email_address": "nope"], ["email": "x@example.org"], "c@example.org"],
                "reply_to": "not an address", "delivery": "soon", "in_app": "yes", "colour": "red",
            ])
            #expect(invalid.status == .badRequest)
            #expect((invalid.json["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String } == [
                "Additional properties are not allowed (colour was unexpected)",
                "Either template_id, or subject and body (html optional), are required",
                "recipients[0].email_address Not a valid email address",
                "recipients[1] Additional properties are not allowed (email was unexpected)",
                "recipients[1].email_address is a required property",
                "recipients[2] c@example.org is not of type object",
                "reply_to Not a valid email address",
                "delivery soon is not one of [immediate, queued]",
                "in_app yes is not of type boolean",
            ])
            let both = try await api.post("/herald/v1/emails", json: [
                "template_id": fixture.template.id.storageString, "subject": "S", "recipients": [],
            ])
            #expect((both.json["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String } == [
                "template_id cannot be given with subject, body or html", "recipients must have 1 to 50000 items, not 0",
            ])
            let missing = try await api.post("/herald/v1/emails", json: [
                "template_id": fixture.template.id.storageString,
                "recipients": [["email_address": "a@example.org", "personalisation": ["name": "A", "code": "1"]], ["email_address": "b@example.org"]],
            ])
            #expect(missing.firstError?.1 == "recipients[1] Missing personalisation: name, code")
            #expect(try await store.backlog().deliveries == 0)
        }
    }
}
