import ArgumentParser
import Foundation
import HeraldCore
import HeraldStore
import SQLKit

/// `herald bench-inbox`: fills members' inboxes, then times the unread count and inbox page queries against a
/// `SELECT 1` round trip measured in the same run.
struct InboxBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-inbox",
        abstract: "Measure inbox queries (unread count, pages) over a large inbox table, and bulk inbox inserts.",
        discussion: """
            Build in release mode first. Stores --rows items with HeraldStore.addToInbox, --batch per call (one \
            transaction each, as a fan-out does), spread over --members members of whom --hot hold 5% of the rows \
            between them; about half are acknowledged and 10% carry an expiry (half of them past). Then refreshes the \
            planner's statistics (VACUUM ANALYZE / ANALYZE, as autovacuum would after a load) and times --samples calls \
            of each query through the store's public functions, against SELECT 1 on the same engine.
            """
    )

    @Option(help: "An EMPTY database: a new SQLite path (default: a temporary file) or a postgres:// URL.") var database: String?
    @Option(help: "Inbox rows to store.") var rows = 1_000_000
    @Option(help: "Members the rows are spread over.") var members = 10_000
    @Option(help: "Hot members sharing 5% of the rows.") var hot = 10
    @Option(help: "Items per addToInbox call.") var batch = 50_000
    @Option(help: "Timed calls per query.") var samples = 3_000

    func run() async throws {
        let (setting, logger) = benchDatabase(database, command: "bench-inbox")
        let store = try await HeraldStore.open(setting, logger: logger)
        let service = Service(name: "Inbox benchmark", emailFrom: "bench@herald.local")
        try await store.createService(service, keys: [])
        print("herald bench-inbox: \(rows) rows over \(members) members (\(hot) hot), engine \(store.dialect.rawValue), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        var fill = InboxBenchFill(serviceId: service.id, members: members, hot: hot)
        var insertSeconds: [Double] = []
        for start in stride(from: 0, to: rows, by: batch) {
            let items = fill.items(count: min(batch, rows - start))
            insertSeconds.append(try await elapsedSeconds { try await store.addToInbox(items) })
        }
        print(String(
            format: "fill: %d calls of %d items (one transaction each): mean %.2f s, max %.2f s per call, %.0f items/s",
            insertSeconds.count, batch, insertSeconds.reduce(0, +) / Double(insertSeconds.count), insertSeconds.max() ?? 0,
            Double(rows) / insertSeconds.reduce(0, +)
        ))
        let dialect = store.dialect
        let refresh = try await elapsedSeconds {
            try await store.engine.autocommit { db in try await db.raw(dialect == .postgres ? "VACUUM ANALYZE inbox_items" : "ANALYZE").run() }
        }
        print(String(format: "statistics refreshed in %.1f s", refresh))
        try await measure(store, fill: fill, serviceId: service.id)
        try await store.shutdown()
    }

    private func measure(_ store: HeraldStore, fill: InboxBenchFill, serviceId: UUID) async throws {
        let hotMember = fill.memberId(0)
        let typicalMembers = (hot..<members).map(fill.memberId)
        let hotItems = try await store.inboxItems(serviceId: serviceId, memberId: hotMember, limit: 200)
        guard let cursor = hotItems.last?.id else { throw BenchFailure("the hot member has no items") }
        let hotUnread = try await store.unreadInboxCount(serviceId: serviceId, memberId: hotMember)
        let engine = store.engine
        let cases: [(String, @Sendable (Int) async throws -> Void)] = [
            ("baseline: SELECT 1", { _ in _ = try await engine.read { db in try await db.raw("SELECT 1 AS one").first() } }),
            ("unread count, hot member (\(hotUnread) unread)", { _ in _ = try await store.unreadInboxCount(serviceId: serviceId, memberId: hotMember) }),
            ("unread count, typical member", { i in
                _ = try await store.unreadInboxCount(serviceId: serviceId, memberId: typicalMembers[i % typicalMembers.count])
            }),
            ("first page (50), hot member", { _ in _ = try await store.inboxItems(serviceId: serviceId, memberId: hotMember) }),
            ("first page (50), typical member", { i in
                _ = try await store.inboxItems(serviceId: serviceId, memberId: typicalMembers[i % typicalMembers.count])
            }),
            ("page older_than item 200, hot member", { _ in
                _ = try await store.inboxItems(serviceId: serviceId, memberId: hotMember, olderThan: cursor)
            }),
            ("unread page (50), hot member", { _ in
                _ = try await store.inboxItems(serviceId: serviceId, memberId: hotMember, unreadOnly: true)
            }),
        ]
        var baselineP99 = 0.0
        print("query                                        p50 ms    p99 ms   p99/baseline")
        for (label, query) in cases {
            for i in 0..<min(200, samples) { try await query(i) }  // warm the caches
            var durations: [Double] = []
            durations.reserveCapacity(samples)
            for i in 0..<samples {
                durations.append(try await elapsedSeconds { try await query(i) } * 1_000)
            }
            durations.sort()
            let (p50, p99) = (durations[durations.count / 2], durations[min(durations.count - 1, durations.count * 99 / 100)])
            if baselineP99 == 0 { baselineP99 = p99 }
            print(String(format: "%@ %9.3f %9.3f %10.1f", label.padding(toLength: 44, withPad: " ", startingAt: 0), p50, p99, p99 / baselineP99))
        }
    }
}
