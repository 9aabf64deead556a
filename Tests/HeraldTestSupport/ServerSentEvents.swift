import Foundation
import NIOCore

/// One Server-Sent Event: its `event:` name (`message` when it has none) and its `data:` lines joined by newlines.
public struct ServerSentEvent: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let data: String

    public init(name: String, data: String) {
        self.name = name
        self.data = data
    }

    /// The data as a JSON object, when it is one.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any]
    }

    public var description: String { "\(name): \(data)" }
}

/// The events of a `text/event-stream` body as it arrives, comments (heartbeats) left out; ends with the body.
public struct ServerSentEvents<Body: AsyncSequence>: AsyncSequence where Body.Element == ByteBuffer {
    let body: Body

    public init(_ body: Body) {
        self.body = body
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(bytes: body.makeAsyncIterator())
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var bytes: Body.AsyncIterator
        var pending: [UInt8] = []
        var name: String?
        var data: [String] = []

        public mutating func next() async throws -> ServerSentEvent? {
            while true {
                guard let newline = pending.firstIndex(of: UInt8(ascii: "\n")) else {
                    guard let chunk = try await bytes.next() else { return nil }
                    pending += chunk.readableBytesView
                    continue
                }
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                if line.isEmpty, name != nil || !data.isEmpty {
                    defer { (name, data) = (nil, []) }
                    return ServerSentEvent(name: name ?? "message", data: data.joined(separator: "\n"))
                }
                let (field, value) = line.firstIndex(of: ":").map { (line[..<$0], line[line.index(after: $0)...]) } ?? (line[...], "")
                let text = String(value.hasPrefix(" ") ? value.dropFirst() : value)
                switch field {
                case "event": name = text
                case "data": data.append(text)
                default: break  // a comment (empty field name), or a field Herald does not send
                }
            }
        }
    }
}
