import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore
import ServiceLifecycle

/// One member's inbox live, as Server-Sent Events: `event: unread-count` with `{"unread_count": n}` on connecting and
/// whenever the count changes, `event: item` with the item's JSON for each new item, and a `: heartbeat` comment
/// every `heartbeat` so that proxies keep the connection open. It ends when the client disconnects, the server shuts
/// down gracefully or the store shuts down.
struct InboxEventStream: Sendable {
    let store: HeraldStore
    let serviceId: UUID
    let memberId: String
    var heartbeat: Duration = .seconds(15)

    /// The streaming response to `request`.
    func response(to request: Request) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await request.body.consumeWithCancellationOnInboundClose { _ in try await run(writer: &writer) }
                try await writer.finish(nil)
            }
        )
    }

    private enum Tick: Sendable {
        case change(InboxChange)
        case heartbeat
    }

    private func run(writer: inout any ResponseBodyWriter) async throws {
        let changes = store.inboxChanges.changes()  // before the first count, so that no change falls in between
        let (ticks, source) = AsyncStream.makeStream(of: Tick.self)
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await change in changes where change.concerns(serviceId: serviceId, memberId: memberId) {
                        source.yield(.change(change))
                    }
                    source.finish()
                }
                group.addTask {
                    while (try? await Task.sleep(for: heartbeat)) != nil {
                        source.yield(.heartbeat)
                    }
                }
                // What the member had on connecting is not news: a late notice of an earlier write (PostgreSQL's
                // notifications arrive after the commit) must not announce it.
                var announced = AnnouncedItems()
                for item in try await store.inboxItems(serviceId: serviceId, memberId: memberId, createdSince: Date().addingTimeInterval(-Self.lateNoticeWindow)) {
                    _ = announced.insert(item)
                }
                var unread = try await store.unreadInboxCount(serviceId: serviceId, memberId: memberId)
                try await writer.write(Self.event("unread-count", ["unread_count": .int(unread)]))
                for await tick in ticks {
                    switch tick {
                    case .heartbeat:
                        try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                    case .change(let change):
                        // The count before the items: every item it counts is then among those read, so a count
                        // never reaches the client ahead of the items it includes.
                        let count = try await store.unreadInboxCount(serviceId: serviceId, memberId: memberId)
                        if let since = change.addedSince {
                            let items = try await store.inboxItems(serviceId: serviceId, memberId: memberId, createdSince: since)
                            for item in items where announced.insert(item) {
                                try await writer.write(Self.event("item", InboxItemJSON.json(item)))
                            }
                        }
                        if count != unread {
                            unread = count
                            try await writer.write(Self.event("unread-count", ["unread_count": .int(unread)]))
                        }
                    }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            source.finish()
        }
    }

    /// How late a notice of a write may come and still be recognised as old news, in seconds.
    private static let lateNoticeWindow: TimeInterval = 300

    /// `event: <name>` and `data: <json>` (JSON holds no newline, so one data line).
    private static func event(_ name: String, _ data: JSONValue) -> ByteBuffer {
        var buffer = ByteBuffer(string: "event: \(name)\ndata: ")
        buffer.writeBytes(data.encoded())
        buffer.writeString("\n\n")
        return buffer
    }
}
