import Foundation
import HeraldTestSupport
import HeraldAWS
import Testing

/// The AWS client against a real moto_server on loopback: signing, wire protocols and typed operations end to end.
@Suite("AWS client against moto_server", .enabled(if: Moto.endpoint != nil, "HERALD_TEST_AWS_ENDPOINT is not set"))
struct MotoIntegrationTests {
    let client: AWSClient

    init() throws {
        client = try Moto.client()
    }

    @Test func sesSendsARawMessageThatMotoRecords() async throws {
        let sender = "sender-\(UUID().uuidString.prefix(8))@example.com"
        let identity = try await SESv2(client: client).createEmailIdentity(sender)
        #expect(identity.identityType == "EMAIL_ADDRESS")
        let configurationSet = "herald-\(UUID().uuidString.prefix(8))"
        _ = try await client.restJSON(.sesv2, method: "POST", path: "/v2/email/configuration-sets", json: Data(#"{"ConfigurationSetName":"\#(configurationSet)"}"#.utf8))

        let message = "From: \(sender)\r\nTo: alice@example.net\r\nSubject: Caf\u{e9} order\r\n\r\nYour order has shipped.\r\n"
        let email = RawEmail(from: sender, to: ["alice@example.net"], message: Array(message.utf8),
                             configurationSetName: configurationSet, tags: ["notification_id": "n-1"])
        let messageId = try await SESv2(client: client).sendEmail(email)

        let recorded = try await Moto.records("ses", "RawMessage").first { $0["id"] as? String == messageId }
        let record = try #require(recorded, "moto has no raw message \(messageId)")
        #expect(record["raw_data"] as? String == message)
        #expect((record["destinations"] as? [String])?.contains("alice@example.net") == true)
    }

    @Test func sesRejectsAnUnverifiedSenderWithItsMessage() async throws {
        let email = RawEmail(from: "nobody@unverified.test", to: ["alice@example.net"], message: Array("Subject: x\r\n\r\ny\r\n".utf8))
        let error = try await #require(throws: AWSError.self) { try await SESv2(client: client).sendEmail(email) }
        #expect(error.statusCode == 400)
        #expect(error.code == "MessageRejected")
        // moto's wording for raw content; for simple content it says "Email address not verified …".
        #expect(error.message == "Did not have authority to send from email nobody@unverified.test")
        #expect(!error.isRetryable)
    }

    @Test func snsPublishesAnSMSAndReturnsItsMessageId() async throws {
        let text = "Your code is \(Int.random(in: 100_000...999_999)) ~ ok & done"
        let sms = SMSMessage(phoneNumber: "+447700900123", text: text, kind: .transactional, senderId: "Herald", originationNumber: "+447700900000")
        let messageId = try await SNS(client: client).publish(sms)
        #expect(!messageId.isEmpty)
        let recorded = try await Moto.records("sns", "SMS").first { $0["message_id"] as? String == messageId }
        let record = try #require(recorded, "moto has no SMS \(messageId)")
        #expect(record["phone_number"] as? String == "+447700900123")
        #expect(record["message"] as? String == text)
    }

    @Test func snsRejectsANumberThatIsNotE164() async throws {
        let error = try await #require(throws: AWSError.self) { try await SNS(client: client).publish(SMSMessage(phoneNumber: "555-0123", text: "x")) }
        #expect(error.code == "InvalidParameter")
        #expect(error.message == "Phone number does not meet the E164 format")
    }

    @Test func sqsReceivesPostponesAndDeletesMessages() async throws {
        let sqs = SQS(client: client)
        let name = "herald-\(UUID().uuidString.prefix(8))"
        let created = try await client.awsJSON(.sqs, target: "AmazonSQS.CreateQueue", json: Data(#"{"QueueName":"\#(name)"}"#.utf8))
        let createdURL = try #require(try JSONSerialization.jsonObject(with: created) as? [String: String])["QueueUrl"]
        let queueUrl = try await sqs.getQueueUrl(name: name)
        #expect(queueUrl == createdURL)
        for body in ["first", "second"] {
            _ = try await client.awsJSON(.sqs, target: "AmazonSQS.SendMessage", json: Data(#"{"QueueUrl":"\#(queueUrl)","MessageBody":"\#(body)"}"#.utf8))
        }

        let received = try await sqs.receiveMessage(queueUrl: queueUrl, maxNumberOfMessages: 10, waitTimeSeconds: 1, visibilityTimeout: 60)
        #expect(Set(received.map(\.body)) == ["first", "second"])
        #expect(received.allSatisfy { $0.attributes["ApproximateReceiveCount"] == "1" })
        let first = try #require(received.first { $0.body == "first" })
        let second = try #require(received.first { $0.body == "second" })

        let postponed = try await sqs.changeMessageVisibilityBatch(queueUrl: queueUrl, entries: [(id: "first", receiptHandle: first.receiptHandle, visibilityTimeout: 0)])
        #expect(postponed == SQSBatchResult(successful: ["first"], failed: []))
        let again = try await sqs.receiveMessage(queueUrl: queueUrl, maxNumberOfMessages: 10, waitTimeSeconds: 1)
        #expect(again.map(\.body) == ["first"])
        #expect(again.first?.attributes["ApproximateReceiveCount"] == "2")

        let deleted = try await sqs.deleteMessageBatch(queueUrl: queueUrl, entries: [
            (id: "first", receiptHandle: try #require(again.first).receiptHandle), (id: "second", receiptHandle: second.receiptHandle),
            (id: "bogus", receiptHandle: "not-a-real-handle"),
        ])
        #expect(Set(deleted.successful) == ["first", "second"])
        #expect(deleted.failed.map(\.id) == ["bogus"])
        #expect(deleted.failed.first?.code == "ReceiptHandleIsInvalid")
        #expect(deleted.failed.first?.senderFault == true)
        #expect(try await sqs.receiveMessage(queueUrl: queueUrl, waitTimeSeconds: 0).isEmpty)
    }

    @Test func sqsNamesAMissingQueue() async throws {
        let error = try await #require(throws: AWSError.self) { try await SQS(client: client).getQueueUrl(name: "herald-does-not-exist") }
        #expect(error.statusCode == 400)
        #expect(error.code == "QueueDoesNotExist")
        #expect(error.message == "The specified queue does not exist.")
    }
}

@Suite("moto_server availability")
struct MotoAvailabilityTests {
    @Test func motoIsTestedWhenTheTestScriptAsksForIt() {
        if Moto.isRequired {
            #expect(Moto.endpoint != nil, "scripts/test started moto_server but HERALD_TEST_AWS_ENDPOINT is missing")
        }
    }
}
