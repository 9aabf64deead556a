import Foundation
import HeraldSNS
import HeraldStore
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `POST /aws/sns`: Amazon SNS HTTP(S) deliveries. A verified `Notification` from an accepted topic is stored in
/// the feedback inbox (the feedback processor applies it) before the 200; a `SubscriptionConfirmation` from an
/// accepted topic is confirmed; both it and an `UnsubscribeConfirmation` are recorded (``SNSSubscriptionChange``) and
/// logged. Anything unverifiable gets a 4xx and a log line naming its MessageId.
struct SNSWebhookController {
    let store: HeraldStore
    let validator: SNSMessageValidator
    let confirmer: SNSSubscriptionConfirmer
    /// Verified notifications go into the feedback inbox, many per transaction (one lane).
    let inbox: GroupCommit<Int, FeedbackDocument, Void>

    init(store: HeraldStore, configuration: SNSWebhookConfiguration) {
        self.store = store
        self.validator = SNSMessageValidator(
            topicARNs: configuration.topicARNs, urlPolicy: configuration.urlPolicy, verifiesSignatures: configuration.verifiesSignatures,
            fetcher: configuration.fetcher
        )
        self.confirmer = SNSSubscriptionConfirmer(urlPolicy: configuration.urlPolicy, fetcher: configuration.fetcher)
        self.inbox = GroupCommit(maxFlushes: 2) { _, documents in
            try await store.write { try await $0.appendFeedback(documents) }
            return documents.map { _ in () }
        }
    }

    func addRoutes(to router: Router<HeraldRequestContext>) {
        router.post("aws/sns", use: receive)
    }

    @Sendable func receive(_ request: Request, context: HeraldRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        do {
            let message = try await validator.validate(body.readableBytesView)
            let metadata: Logger.Metadata = ["sns_message_id": "\(message.messageId)", "topic_arn": "\(message.topicArn)"]
            switch message.kind {
            case .notification:
                try await inbox.submit(FeedbackDocument(source: "sns-webhook", body: String(buffer: body), receivedAt: Date()), lane: 0)
            case .subscriptionConfirmation:
                try await confirmer.confirm(message)
                try await record(message)
                context.logger.notice("SNS subscription confirmed", metadata: metadata)
            case .unsubscribeConfirmation:
                try await record(message)
                context.logger.warning(
                    "SNS unsubscribe confirmation received; to resubscribe, visit its SubscribeURL",
                    metadata: metadata.merging(["subscribe_url": "\(message.subscribeURL ?? "")"]) { $1 }
                )
            }
            return Response(status: .ok)
        } catch let rejection as SNSRejection {
            context.logger.warning(
                "SNS message rejected", metadata: ["sns_message_id": "\(rejection.messageId ?? "unknown")", "reason": "\(rejection)"]
            )
            throw NotifyError(Self.status(for: rejection.reason), "SNSMessageRejected", rejection.description)
        }
    }

    private func record(_ message: SNSMessage) async throws {
        try await store.recordSNSSubscriptionChange(SNSSubscriptionChange(
            kind: message.kind.rawValue, messageId: message.messageId, topicArn: message.topicArn, subscribeURL: message.subscribeURL,
            sentAt: message.timestamp, receivedAt: Date()
        ))
    }

    /// 400 for what is not an acceptable SNS message, 403 for what fails verification, 502 when a fetch from
    /// SNS failed (SNS retries; the message may be fine).
    static func status(for reason: SNSRejection.Reason) -> HTTPResponse.Status {
        switch reason {
        case .malformed, .unsigned, .unsupportedSignatureVersion, .topicNotAccepted: .badRequest
        case .urlNotAllowed, .invalidCertificate, .invalidSignature: .forbidden
        case .certificateUnavailable, .confirmationFailed: .badGateway
        }
    }
}
