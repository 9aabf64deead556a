import Foundation
import SQLKit

extension HeraldStore {
    /// Reserves the next `count` send slots of the cluster-wide schedule `pacer`, one every `1 / ratePerSecond`
    /// seconds, and returns when the first slot starts. Every process that sends through the same provider shares
    /// the schedule through the database (one atomic row update), so together they never exceed the rate. Slots
    /// reserved by a process that then dies stay unused: the rate is undershot, never overshot.
    public func reserveSendSlots(_ pacer: String, count: Int, ratePerSecond: Double, now: Date = Date()) async throws -> Date {
        precondition(count > 0 && ratePerSecond > 0)
        let span = Int64((Double(count) / ratePerSecond * 1_000_000).rounded(.up))
        let nowMicros = now.microsecondsSinceEpoch
        let later = dialect == .postgres ? "GREATEST" : "MAX"
        let end = try await engine.autocommit { db in
            try await db.raw("""
                INSERT INTO send_pacing (name, next_slot) VALUES (\(bind: pacer), \(bind: nowMicros + span))
                ON CONFLICT (name) DO UPDATE SET next_slot = \(unsafeRaw: later)(send_pacing.next_slot, \(bind: nowMicros)) + \(bind: span)
                RETURNING next_slot
                """).first(decodingColumn: "next_slot", as: Int64.self)
        }
        guard let end else { throw CorruptRow(column: "send_pacing.next_slot", value: "none returned") }
        return Date(microsecondsSinceEpoch: end - span)
    }
}
