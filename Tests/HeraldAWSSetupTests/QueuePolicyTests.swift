import Foundation
@testable import HeraldAWSSetup
import Testing

@Suite("Setup: the queue policy that lets the topic send to the queue")
struct QueuePolicyTests {
    let topic = "arn:aws:sns:eu-west-2:123456789012:herald-ses-events"
    let queue = "arn:aws:sqs:eu-west-2:123456789012:herald-ses-events"

    func document(_ statements: [[String: Any]]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["Version": "2012-10-17", "Statement": statements]), as: UTF8.self)
    }

    func statement(principal: Any = ["Service": "sns.amazonaws.com"], action: Any = "sqs:SendMessage", condition: Any? = nil) -> [String: Any] {
        var statement: [String: Any] = ["Effect": "Allow", "Principal": principal, "Action": action, "Resource": queue]
        statement["Condition"] = condition
        return statement
    }

    @Test func heraldsOwnPolicyNamesTheTopicAndAllowsIt() throws {
        let policy = QueuePolicy.adding(to: nil, topicArn: topic, queueArn: queue)
        #expect(policy == #"{"Statement":[{"Action":"sqs:SendMessage","Condition":{"ArnEquals":{"aws:SourceArn":"\#(topic)"}},"Effect":"Allow","#
            + #""Principal":{"Service":"sns.amazonaws.com"},"Resource":"\#(queue)","Sid":"herald-sns-herald-ses-events"}],"Version":"2012-10-17"}"#)
        #expect(QueuePolicy.allows(policy, topicArn: topic, queueArn: queue))
        #expect(!QueuePolicy.allows(policy, topicArn: topic + "-other", queueArn: queue))
        #expect(!QueuePolicy.allows(policy, topicArn: topic, queueArn: queue + "-other"))
    }

    @Test func addingKeepsOtherStatementsAndReplacesItsOwn() throws {
        let other: [String: Any] = ["Sid": "ops", "Effect": "Allow", "Principal": ["AWS": "arn:aws:iam::123456789012:root"], "Action": "sqs:*", "Resource": queue]
        var stale = QueuePolicy.statement(topicArn: topic, queueArn: queue)
        stale["Resource"] = "arn:aws:sqs:eu-west-2:123456789012:old"
        let merged = QueuePolicy.adding(to: try document([other, stale]), topicArn: topic, queueArn: queue)
        let statements = try #require((try JSONSerialization.jsonObject(with: Data(merged.utf8)) as? [String: Any])?["Statement"] as? [[String: Any]])
        #expect(statements.map { $0["Sid"] as? String } == ["ops", "herald-sns-herald-ses-events"])
        #expect(statements.last?["Resource"] as? String == queue)
        #expect(QueuePolicy.allows(merged, topicArn: topic, queueArn: queue))
    }

    @Test func aDocumentThatIsNotJSONIsReplaced() {
        let policy = QueuePolicy.adding(to: "not json", topicArn: topic, queueArn: queue)
        #expect(QueuePolicy.allows(policy, topicArn: topic, queueArn: queue))
        #expect(!QueuePolicy.allows("not json", topicArn: topic, queueArn: queue))
        #expect(!QueuePolicy.allows(nil, topicArn: topic, queueArn: queue))
    }

    @Test func policiesWrittenByOtherToolsAreRecognised() throws {
        let allowed: [[String: Any]] = [
            statement(),
            statement(principal: "*", action: ["sqs:ReceiveMessage", "sqs:SendMessage"]),
            statement(principal: ["AWS": "*"], action: "SQS:*", condition: ["ArnLike": ["aws:SourceArn": "arn:aws:sns:eu-west-2:123456789012:herald-*"]]),
            statement(condition: ["StringEquals": ["AWS:SourceArn": [topic, "arn:aws:sns:eu-west-2:123456789012:other"]]]),
        ]
        for one in allowed {
            #expect(QueuePolicy.allows(try document([one]), topicArn: topic, queueArn: queue), "\(one)")
        }
        var denied = statement()
        denied["Effect"] = "Deny"
        let refused: [[String: Any]] = [
            denied,
            statement(principal: ["Service": "lambda.amazonaws.com"]),
            statement(action: "sqs:ReceiveMessage"),
            statement(condition: ["ArnEquals": ["aws:SourceArn": "arn:aws:sns:eu-west-2:123456789012:other"]]),
            statement(condition: ["ArnLike": ["aws:SourceArn": "arn:aws:sns:eu-west-2:123456789012:h?rald"]]),
        ]
        for one in refused {
            #expect(!QueuePolicy.allows(try document([one]), topicArn: topic, queueArn: queue), "\(one)")
        }
    }

    @Test(arguments: [("a*c", "abbbc", true), ("a?c", "abc", true), ("a?c", "abbc", false), ("*", "", true), ("a*", "b", false), ("*b*d", "abcd", true)])
    func iamWildcards(pattern: String, text: String, matches: Bool) {
        #expect(QueuePolicy.matches(text, pattern: pattern) == matches)
    }
}
