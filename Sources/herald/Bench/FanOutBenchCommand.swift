import ArgumentParser
import Foundation
import HeraldCore
import HeraldServer
import HeraldStore

/// `herald bench-fanout`: one happening fanned out to every listening member (in-app items, emails queued), timed
/// against the bulk enqueue of as many plain emails in the same run.
struct FanOutBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-fanout",
        abstract: "Measure a happening's fan-out to --members listening members.",
        discussion: """
            Build in release mode first: swift run -c release herald bench-fanout --database postgres://… \
            Creates --members members (one in a hundred opted out of email for the event type), each listening to \
            forums.post.comment.new on one post, then sends --rounds happenings on that post and reports each \
            round's time. The baseline is the bulk store path enqueueing as many emails, in the same run.
            """
    )

    @Option(help: "An EMPTY database: a new SQLite path (default: a temporary file) or a postgres:// URL.") var database: String?
    @Option(help: "Listening members.") var members = 50_000
    @Option(help: "Happenings to send, one after another.") var rounds = 3

    func run() async throws {
        let (setting, logger) = benchDatabase(database, command: "bench-fanout")
        let store = try await HeraldStore.open(setting, logger: logger)
        let workload = try await BenchWorkload.create(in: store)
        let serviceId = workload.service.id
        let eventType = try EventType(validating: "forums.post.comment.new")
        print("herald bench-fanout: \(members) listening members, engine \(store.dialect.rawValue), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let ids = (0..<members).map { String(format: "member-%06d", $0) }
        let setUp = try await elapsedSeconds {
            try await store.upsertMembers(ids.enumerated().map { i, id in Member(serviceId: serviceId, id: id, name: "Member \(i)", email: "\(id)@example.org") })
            try await store.createListens(ids.map { Listen(serviceId: serviceId, memberId: $0, eventType: .exact(eventType), scope: "post-1") })
            for id in ids where id.hasSuffix("00") {
                try await store.setPreferences(serviceId: serviceId, memberId: id, [PreferenceChange(topic: .eventType(.exact(eventType)), channel: .email, enabled: false)])
            }
        }
        print(String(format: "set-up (members, listens, opt-outs): %.2f s", setUp))

        let baseline = try await elapsedSeconds {
            for chunk in (0..<members).chunked(5_000) {
                _ = try await store.enqueue(try chunk.map(workload.notification), priority: .bulk)
            }
        }
        print(String(format: "baseline, bulk enqueue of %d emails: %.2f s", members, baseline))

        let notifier = MemberNotifier(store: store)
        for round in 1...rounds {
            let happening = MemberNotification(
                serviceId: serviceId, subject: MemberNotificationSubject(kind: .happening, eventType: eventType), audience: .listeners,
                scope: "post-1", title: "((author)) commented on a post you follow", body: "((excerpt))", link: "/forums/post/1#c\(round)",
                url: "https://club.example/forums/post/1#c\(round)", context: ["author": "Member \(round)", "excerpt": "Round \(round)"]
            )
            var report: FanOutReport?
            let seconds = try await elapsedSeconds { report = try await notifier.send(happening, service: workload.service) }
            guard let report, report.inApp == members else { throw BenchFailure("round \(round) reached \(report?.inApp ?? 0) of \(members) inboxes") }
            let emails = report.reach[.email]?.reached ?? 0
            print(String(
                format: "happening %d: %d in-app items and %d emails in %.2f s (%.0f members/s); ratio to the baseline %.2f",
                round, report.inApp, emails, seconds, Double(members) / seconds, baseline / seconds
            ))
        }
        try await store.shutdown()
    }
}

extension Range<Int> {
    /// Consecutive sub-ranges of at most `size` elements.
    fileprivate func chunked(_ size: Int) -> [Range<Int>] {
        stride(from: lowerBound, to: upperBound, by: size).map { $0..<Swift.min($0 + size, upperBound) }
    }
}
