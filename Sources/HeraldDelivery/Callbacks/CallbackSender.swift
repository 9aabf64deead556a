import AsyncHTTPClient
import Crypto
import Foundation
import HeraldCore
import HeraldStore
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// How callbacks are retried.
public struct CallbackPolicy: Sendable {
    /// Tries before a callback is marked failed (and kept, with the error).
    public var maxAttempts: Int
    /// Wait before the second try; doubled each time, up to `maxDelay`.
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    /// How long one call may take.
    public var timeout: TimeAmount
    /// How long a claimed callback stays leased before another process may make it.
    public var lease: TimeInterval
    public var idlePoll: Duration

    public init(
        maxAttempts: Int = 10, baseDelay: TimeInterval = 30, maxDelay: TimeInterval = 3600, timeout: TimeAmount = .seconds(10),
        lease: TimeInterval = 60, idlePoll: Duration = .milliseconds(250)
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.timeout = timeout
        self.lease = lease
        self.idlePoll = idlePoll
    }

    func delay(after attempt: Int) -> TimeInterval? {
        attempt < maxAttempts ? min(maxDelay, baseDelay * pow(2, Double(attempt - 1))) : nil
    }
}

/// Tells services' own apps what happened to their notifications: POSTs Notify's delivery-status callback (JSON,
/// `Authorization: Bearer <token>`) for each queued status, at least once, retrying with backoff when the app does
/// not answer 2xx.
public struct CallbackSender: ServiceLifecycle.Service {
    let store: HeraldStore
    let client: HTTPClient
    let policy: CallbackPolicy
    let logger: Logger

    public init(store: HeraldStore, client: HTTPClient = .shared, policy: CallbackPolicy = .init(), logger: Logger) {
        self.store = store
        self.client = client
        self.policy = policy
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let due = try await store.claimCallbacks(limit: 50, lease: policy.lease)
                if due.isEmpty {
                    try? await Task.sleep(for: policy.idlePoll)
                    continue
                }
                let made = await withTaskGroup(of: Int64?.self) { group in
                    for callback in due {
                        group.addTask { await call(callback) ? callback.id : nil }
                    }
                    return await group.reduce(into: [Int64]()) { if let id = $1 { $0.append(id) } }
                }
                try await store.completeCallbacks(ids: made)
            } catch {
                logger.error("callback loop failed; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Makes one call; true when the app answered 2xx. A failure is recorded for a later try.
    private func call(_ pending: PendingCallback) async -> Bool {
        var request = HTTPClientRequest(url: pending.callback.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(pending.callback.bearerToken)")
        request.body = .bytes(ByteBuffer(bytes: Self.payload(pending).encoded()))
        let problem: String
        do {
            let response = try await client.execute(request, timeout: policy.timeout)
            if (200..<300).contains(response.status.code) { return true }
            problem = "HTTP \(response.status.code)"
        } catch {
            problem = "\(error)"
        }
        let retryAt = policy.delay(after: pending.attempt).map { Date().addingTimeInterval($0) }
        logger.warning("callback failed", metadata: [
            "notification": "\(pending.notification.id.storageString)", "attempt": "\(pending.attempt)", "error": "\(problem)",
            "next": "\(retryAt.map { "\($0)" } ?? "none: given up")",
        ])
        try? await store.callbackFailed(id: pending.id, error: problem, retryAt: retryAt)
        return false
    }

    /// Notify's callback body for the callback's kind.
    static func payload(_ pending: PendingCallback) -> JSONValue {
        let n = pending.notification
        switch pending.callback.kind {
        case .deliveryStatus:
            return [
                "id": .string(n.id.storageString),
                "reference": .optional(n.reference),
                "to": .string(n.recipient),
                "status": .string(pending.status.rawValue),
                "created_at": .string(NotifyTimestamp.string(n.createdAt)),
                "completed_at": NotifyTimestamp.optional(n.completedAt ?? pending.statusAt),
                "sent_at": NotifyTimestamp.optional(n.sentAt),
                "notification_type": .string(n.channel.rawValue),
                "status_updated_at": .string(NotifyTimestamp.string(pending.statusAt)),
                "provider_response": .optional(n.statusReason),
                "template_id": .string(n.templateId.storageString),
                "template_version": .int(n.templateVersion),
            ]
        case .complaint:
            return [
                "notification_id": .string(n.id.storageString),
                "complaint_id": .string(complaintId(for: n.id).storageString),
                "reference": .optional(n.reference),
                "to": .string(n.recipient),
                "complaint_date": .string(NotifyTimestamp.string(pending.statusAt)),
            ]
        }
    }

    /// The id Herald gives a notification's complaint (it keeps one per notification): derived from the notification
    /// id, so every retry of the callback, and any later read, carries the same one.
    static func complaintId(for notificationId: UUID) -> UUID {
        var bytes = Array(SHA256.hash(data: Array("herald-complaint:\(notificationId.storageString)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // name-based (version 5 layout, SHA-256 instead of SHA-1)
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
