import Foundation
@testable import HeraldAWS
import Testing

@Suite("AWS answers and request parameters, checked against the boto3 captures")
struct ResponseDecodingTests {
    @Test func sqsReceiveMessageAnswer() throws {
        let capture = try CapturedExchange("sqs-ReceiveMessage-longpoll")
        let messages = try JSONDecoder().decode([String: [SQSMessage]].self, from: Data(capture.body))["Messages"] ?? []
        try #require(messages.count == 1)
        #expect(messages[0].messageId == "2d4bea3a-1060-48f5-adfb-c6087f5d58a4")
        #expect(messages[0].receiptHandle.hasPrefix("tktyukqexeup"))
        #expect(messages[0].body.hasPrefix("{\n  \"Message\": "))
        #expect(messages[0].attributes["ApproximateReceiveCount"] == "1")
    }

    @Test func sqsBatchAnswerWithAFailedEntry() throws {
        let capture = try CapturedExchange("sqs-DeleteMessageBatch")
        let result = try JSONDecoder().decode(SQSBatchResult.self, from: Data(capture.body))
        #expect(result.successful == ["m0"])
        #expect(result.failed == [.init(id: "bogus", code: "ReceiptHandleIsInvalid",
                                        message: #"The input receipt handle "not-a-real-handle" is not a valid receipt handle."#, senderFault: true)])
    }

    @Test func snsPublishAnswer() throws {
        let capture = try CapturedExchange("sns-Publish-sms-PhoneNumber")
        #expect(XMLText.first("MessageId", in: String(decoding: capture.body, as: UTF8.self)) == "b419d0fe-280d-4d6e-9721-c7a83a03770e")
    }

    @Test func smsSettingsBecomeTheMessageAttributesBoto3Sends() throws {
        let capture = try CapturedExchange("sns-Publish-sms-PhoneNumber")
        let sent = capture.requestBody.split(separator: "&").map { URIEncoding.decode($0.replacingOccurrences(of: "+", with: " ")) }
        let sms = SMSMessage(phoneNumber: "+15555550123", text: "Your code is 123456 ~ ok", kind: .transactional, senderId: "MyApp")
        let ours = ([("Action", "Publish"), ("Version", "2010-03-31"), ("PhoneNumber", sms.phoneNumber), ("Message", sms.text)] + sms.attributeParameters)
            .map { "\($0.0)=\($0.1)" }
        #expect(ours == sent)
    }

    @Test func originationNumberIsOneMoreAttribute() {
        let sms = SMSMessage(phoneNumber: "+447700900123", text: "hi", originationNumber: "+447700900000")
        #expect(sms.attributeParameters.map { "\($0.0)=\($0.1)" } == [
            "MessageAttributes.entry.1.Name=AWS.MM.SMS.OriginationNumber", "MessageAttributes.entry.1.Value.DataType=String",
            "MessageAttributes.entry.1.Value.StringValue=+447700900000",
        ])
    }

    /// The shape of SES v2 `GetAccount` in the AWS API reference (moto does not implement it).
    @Test func sesv2SendQuota() throws {
        struct Account: Decodable { var SendQuota: SendQuota }
        let json = #"{"SendQuota":{"Max24HourSend":50000.0,"MaxSendRate":14.0,"SentLast24Hours":1234.0},"SendingEnabled":true,"ProductionAccessEnabled":true}"#
        let account = try JSONDecoder().decode(Account.self, from: Data(json.utf8))
        #expect(account.SendQuota == SendQuota(maxSendRate: 14, max24HourSend: 50000, sentLast24Hours: 1234))
    }

    @Test func sesv2CreateEmailIdentityAnswer() throws {
        let capture = try CapturedExchange("sesv2-CreateEmailIdentity")
        let identity = try JSONDecoder().decode(EmailIdentity.self, from: Data(capture.body))
        #expect(identity == EmailIdentity(identityType: "EMAIL_ADDRESS", verifiedForSendingStatus: false))
    }
}
