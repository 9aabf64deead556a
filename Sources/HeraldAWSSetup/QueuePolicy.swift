import Foundation

/// The SQS queue policy that lets an SNS topic send to the queue: without it SNS drops every message it should
/// deliver, silently (the classic pitfall of subscribing a queue to a topic by API rather than in the console).
public enum QueuePolicy {
    /// The statement Herald adds: `sns.amazonaws.com` may `sqs:SendMessage` to `queueArn` when the message comes
    /// from `topicArn`.
    public static func statement(topicArn: String, queueArn: String) -> [String: Any] {
        [
            "Sid": sid(topicArn: topicArn), "Effect": "Allow", "Principal": ["Service": "sns.amazonaws.com"],
            "Action": "sqs:SendMessage", "Resource": queueArn, "Condition": ["ArnEquals": ["aws:SourceArn": topicArn]],
        ]
    }

    /// The policy document `existing` (a queue's `Policy` attribute, or nil) with Herald's statement added, or
    /// replacing the one Herald added before; other statements are kept. A document that is not JSON is replaced.
    public static func adding(to existing: String?, topicArn: String, queueArn: String) -> String {
        var document = existing.flatMap(parse) ?? ["Version": "2012-10-17"]
        let sid = sid(topicArn: topicArn)
        let others = statements(document).filter { $0["Sid"] as? String != sid }
        document["Statement"] = others + [statement(topicArn: topicArn, queueArn: queueArn)]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether the policy `document` has an `Allow` statement that lets SNS send `topicArn`'s messages to
    /// `queueArn`: principal `sns.amazonaws.com` or everyone, action `sqs:SendMessage` (or a wildcard), resource
    /// the queue (or any), and no condition or an `aws:SourceArn` condition that matches the topic.
    public static func allows(_ document: String?, topicArn: String, queueArn: String) -> Bool {
        guard let policy = document.flatMap(parse) else { return false }
        return statements(policy).contains { statement in
            statement["Effect"] as? String == "Allow"
                && allowsSNS(statement["Principal"])
                && strings(statement["Action"]).contains { ["sqs:sendmessage", "sqs:*", "*"].contains($0.lowercased()) }
                && (statement["Resource"] == nil || strings(statement["Resource"]).contains { $0 == "*" || $0 == queueArn })
                && conditionAllows(statement["Condition"], topicArn: topicArn)
        }
    }

    static func sid(topicArn: String) -> String {
        "herald-sns-" + (topicArn.split(separator: ":").last.map(String.init) ?? "topic")
    }

    private static func parse(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    private static func statements(_ policy: [String: Any]) -> [[String: Any]] {
        if let one = policy["Statement"] as? [String: Any] { return [one] }
        return policy["Statement"] as? [[String: Any]] ?? []
    }

    /// A string or a list of strings, as IAM writes them.
    private static func strings(_ value: Any?) -> [String] {
        (value as? String).map { [$0] } ?? value as? [String] ?? []
    }

    private static func allowsSNS(_ principal: Any?) -> Bool {
        if principal as? String == "*" { return true }
        guard let principal = principal as? [String: Any] else { return false }
        return strings(principal["Service"]).contains("sns.amazonaws.com") || strings(principal["AWS"]).contains("*")
    }

    private static func conditionAllows(_ condition: Any?, topicArn: String) -> Bool {
        guard let condition = condition as? [String: Any], !condition.isEmpty else { return true }
        return condition.contains { operation, keys in
            guard ["arnequals", "arnlike", "stringequals", "stringlike"].contains(operation.lowercased()),
                  let keys = keys as? [String: Any] else { return false }
            let wildcards = operation.lowercased().hasSuffix("like")
            return keys.contains { key, values in
                key.lowercased() == "aws:sourcearn" && strings(values).contains { wildcards ? matches(topicArn, pattern: $0) : $0 == topicArn }
            }
        }
    }

    /// IAM's `*` (any run) and `?` (any one character) wildcards.
    static func matches(_ text: String, pattern: String) -> Bool {
        let text = Array(text), pattern = Array(pattern)
        var t = 0, p = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                t += 1; p += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
