/// The bytes SNS signs: `Key\nValue\n` for each signed key of the message's type, in AWS's documented order.
///
/// Notifications sign `Message, MessageId, Subject (only if present), Timestamp, TopicArn, Type`; both
/// confirmations sign `Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type`. Values are used
/// exactly as decoded (a trailing newline in `Message` is kept). `UnsubscribeURL` and the signature fields are
/// not signed.
public enum SNSStringToSign {
    public static func bytes(for message: SNSMessage) -> [UInt8] {
        var fields: [(String, String?)] = [("Message", message.message), ("MessageId", message.messageId)]
        switch message.kind {
        case .notification:
            fields += [("Subject", message.subject), ("Timestamp", message.timestamp)]
        case .subscriptionConfirmation, .unsubscribeConfirmation:
            fields += [("SubscribeURL", message.subscribeURL), ("Timestamp", message.timestamp), ("Token", message.token)]
        }
        fields += [("TopicArn", message.topicArn), ("Type", message.kind.rawValue)]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(message.message.utf8.count + 512)
        for case let (key, value?) in fields {
            bytes += key.utf8
            bytes.append(0x0A)
            bytes += value.utf8
            bytes.append(0x0A)
        }
        return bytes
    }
}
