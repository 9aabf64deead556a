import Foundation
import HeraldAWS

/// What the SQS feedback consumer does with one received batch, decided without I/O: messages that parse as SES
/// feedback with events are stored, then deleted; set-up messages SES publishes (which carry no event) are
/// deleted without being stored; messages that cannot be parsed are left in the queue, so that its redrive
/// policy moves them to the dead-letter queue after `maxReceiveCount` receives.
public struct SQSFeedbackBatch: Sendable {
    /// A message left in the queue, and why.
    public struct Unparseable: Sendable {
        public var message: SQSMessage
        public var error: SESEventParseError
    }

    /// Parseable feedback with at least one event: stored in the inbox, then deleted.
    public private(set) var toStore: [SQSMessage] = []
    /// Parseable messages with no event (SES's subscription and topic checks): deleted, not stored.
    public private(set) var toDiscard: [SQSMessage] = []
    /// Not SES feedback: never deleted.
    public private(set) var unparseable: [Unparseable] = []

    public init(_ messages: [SQSMessage]) {
        for message in messages {
            do {
                if try SESEventParser.parse(Data(message.body.utf8)).isEmpty {
                    toDiscard.append(message)
                } else {
                    toStore.append(message)
                }
            } catch {
                unparseable.append(Unparseable(message: message, error: error))
            }
        }
    }

    /// The messages to delete once the stored ones are committed.
    public var toDelete: [SQSMessage] { toStore + toDiscard }
}
