import ArgumentParser
import Foundation
import HeraldCore
import HeraldServer
import HeraldStore

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a notification's status and everything that happened to it."
    )

    @Argument(help: "The notification's id.") var id: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        guard let notificationId = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not a notification id (a UUID)") }
        let store = try await database.openStore(logger: makeLogger("herald"))
        let notification = try await store.notification(id: notificationId)
        let timeline = try await store.timeline(notificationId: notificationId)
        try await store.shutdown()
        guard let notification else { throw ValidationError("no notification \(id) in \(DatabaseOptions.redacted(database.setting))") }
        let events: [JSONValue] = timeline.map { event in
            [
                "event": .string(event.event), "status": .string(event.status.rawValue), "detail": .optional(event.detail),
                "occurred_at": .string(NotifyTimestamp.string(event.occurredAt)),
            ]
        }
        var lines = [
            "\(notification.id.storageString)  \(notification.channel.rawValue) to \(notification.recipient)",
            "status: \(notification.status.rawValue)" + (notification.statusReason.map { " (\($0))" } ?? ""),
            "created: \(NotifyTimestamp.string(notification.createdAt))",
        ]
        lines += timeline.map { "  \(NotifyTimestamp.string($0.occurredAt))  \($0.event) → \($0.status.rawValue)" + ($0.detail.map { "  \($0)" } ?? "") }
        output.emit(
            [
                "id": .string(notification.id.storageString), "status": .string(notification.status.rawValue),
                "status_reason": .optional(notification.statusReason), "recipient": .string(notification.recipient),
                "provider": .optional(notification.provider), "provider_message_id": .optional(notification.providerMessageId),
                "attempts": .int(notification.attempts), "created_at": .string(NotifyTimestamp.string(notification.createdAt)),
                "sent_at": NotifyTimestamp.optional(notification.sentAt), "completed_at": NotifyTimestamp.optional(notification.completedAt),
                "timeline": .array(events),
            ],
            text: lines.joined(separator: "\n")
        )
    }
}
