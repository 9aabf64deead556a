import Foundation

/// An SQS queue's `RedrivePolicy` attribute: after `maxReceiveCount` receives, SQS moves a message to the
/// dead-letter queue, so a message Herald cannot read does not come back forever.
public struct RedrivePolicy: Sendable, Equatable {
    public var deadLetterTargetArn: String
    public var maxReceiveCount: Int

    public init(deadLetterTargetArn: String, maxReceiveCount: Int) {
        self.deadLetterTargetArn = deadLetterTargetArn
        self.maxReceiveCount = maxReceiveCount
    }

    /// Reads the attribute; SQS writes `maxReceiveCount` as a number, some tools as a string.
    public init?(attribute: String?) {
        guard let attribute, let json = (try? JSONSerialization.jsonObject(with: Data(attribute.utf8))) as? [String: Any],
              let target = json["deadLetterTargetArn"] as? String else { return nil }
        let count = (json["maxReceiveCount"] as? Int) ?? (json["maxReceiveCount"] as? String).flatMap { Int($0) }
        guard let count else { return nil }
        self.init(deadLetterTargetArn: target, maxReceiveCount: count)
    }

    /// The attribute's value, as SQS writes it.
    public var attribute: String {
        #"{"deadLetterTargetArn":"\#(deadLetterTargetArn)","maxReceiveCount":\#(maxReceiveCount)}"#
    }
}
