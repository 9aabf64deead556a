import Foundation
import HeraldAWS
import HeraldStore
import Logging
import ServiceLifecycle

/// Reads SES feedback from an SQS queue into the feedback inbox, where ``FeedbackProcessor`` applies it.
///
/// Several pollers long-poll the queue. A batch's feedback is stored in one transaction and only then deleted from
/// the queue, so a crash in between means a redelivery, which the inbox applies without effect, never a loss.
/// Messages that are not SES feedback are logged and left in the queue for its redrive policy to dead-letter.
/// A batch that takes more than half the visibility timeout to store is kept hidden for longer. On graceful
/// shutdown a poller finishes its batch and stops; a long poll in flight is abandoned (its messages reappear).
public struct SQSFeedbackConsumer: ServiceLifecycle.Service {
    public let sqs: SQS
    public let store: HeraldStore
    public let configuration: SQSFeedbackConsumerConfiguration
    let logger: Logger

    public init(sqs: SQS, store: HeraldStore, configuration: SQSFeedbackConsumerConfiguration, logger: Logger) {
        self.sqs = sqs
        self.store = store
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "sqs_queue_url"] = "\(configuration.queueURL)"
        self.logger = logger
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            for poller in 0..<max(configuration.pollers, 1) {
                var logger = self.logger
                logger[metadataKey: "sqs_poller"] = "\(poller)"
                let pollerLogger = logger
                group.addTask { await poll(logger: pollerLogger) }
            }
        }
    }

    /// One poller: receive, store, delete, until shutdown; pauses longer after each consecutive failure.
    private func poll(logger: Logger) async {
        var failures = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let messages: [SQSMessage]
            do {
                messages = try await cancelWhenGracefulShutdown { try await receive() }
            } catch {
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                logger.error("SQS receive failed; retrying", metadata: ["error": "\(error)"])
                await sleepUnlessShuttingDown(for: configuration.backoff(afterFailures: failures))
                failures += 1
                continue
            }
            do {
                try await handle(messages, logger: logger)
                failures = 0
            } catch {
                logger.error("SQS feedback batch failed; its messages will be received again", metadata: ["error": "\(error)"])
                await sleepUnlessShuttingDown(for: configuration.backoff(afterFailures: failures))
                failures += 1
            }
        }
    }

    private func receive() async throws(AWSError) -> [SQSMessage] {
        try await sqs.receiveMessage(
            queueUrl: configuration.queueURL, maxNumberOfMessages: configuration.maxMessages,
            waitTimeSeconds: configuration.waitTimeSeconds, visibilityTimeout: configuration.visibilityTimeoutSeconds
        )
    }

    /// Stores the batch's feedback, then deletes what was stored or carries nothing; leaves what cannot be parsed.
    private func handle(_ messages: [SQSMessage], logger: Logger) async throws {
        let batch = SQSFeedbackBatch(messages)
        for item in batch.unparseable {
            logger.warning("SQS message is not SES feedback; leaving it for the queue's redrive policy", metadata: [
                "sqs_message_id": "\(item.message.messageId)",
                "sqs_receive_count": "\(item.message.attributes["ApproximateReceiveCount"] ?? "unknown")",
                "error": "\(item.error)",
            ])
        }
        for message in batch.toDiscard {
            logger.debug("SQS message carries no SES event; deleting it", metadata: ["sqs_message_id": "\(message.messageId)"])
        }
        if !batch.toStore.isEmpty {
            let receivedAt = Date()
            let documents = batch.toStore.map { FeedbackDocument(source: "sqs", body: $0.body, receivedAt: receivedAt) }
            try await keepingHidden(batch.toStore, logger: logger) {
                try await store.write { try await $0.appendFeedback(documents) }
            }
        }
        try await delete(batch.toDelete, logger: logger)
    }

    /// Runs `body`; each time half the visibility timeout passes before it ends, hides `messages` for another
    /// full visibility timeout so that no other consumer receives them meanwhile.
    private func keepingHidden(_ messages: [SQSMessage], logger: Logger, while body: () async throws -> Void) async throws {
        let half = Duration.seconds(configuration.visibilityTimeoutSeconds) / 2
        let entries = messages.enumerated().map {
            (id: String($0.offset), receiptHandle: $0.element.receiptHandle, visibilityTimeout: configuration.visibilityTimeoutSeconds)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                while (try? await Task.sleep(for: half)) != nil {
                    do {
                        let result = try await sqs.changeMessageVisibilityBatch(queueUrl: configuration.queueURL, entries: entries)
                        for failure in result.failed {
                            logger.warning("SQS visibility not extended", metadata: Self.metadata(failure, of: messages))
                        }
                    } catch where !Task.isCancelled {
                        logger.warning("SQS visibility not extended", metadata: ["error": "\(error)"])
                    } catch {
                        return
                    }
                }
            }
            defer { group.cancelAll() }
            try await body()
        }
    }

    private func delete(_ messages: [SQSMessage], logger: Logger) async throws {
        guard !messages.isEmpty else { return }
        let entries = messages.enumerated().map { (id: String($0.offset), receiptHandle: $0.element.receiptHandle) }
        let result = try await sqs.deleteMessageBatch(queueUrl: configuration.queueURL, entries: entries)
        for failure in result.failed {
            logger.warning("SQS message not deleted; it will be received again, to no further effect", metadata: Self.metadata(failure, of: messages))
        }
    }

    private static func metadata(_ failure: SQSBatchResult.Failure, of messages: [SQSMessage]) -> Logger.Metadata {
        [
            "sqs_message_id": "\(Int(failure.id).flatMap { messages.indices.contains($0) ? messages[$0].messageId : nil } ?? failure.id)",
            "error": "\(failure.code): \(failure.message ?? "")",
        ]
    }
}
