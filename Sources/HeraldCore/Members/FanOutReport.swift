/// How far a member notification reached, as its caller gets it back: the in-app items created, and per channel how
/// many members it went to and why the others did not get it.
public struct FanOutReport: Sendable, Hashable {
    /// Why a member did not get a notification on a channel.
    public enum MissedReason: String, Sendable, Hashable, CaseIterable {
        case optedOut = "opted_out"
        case noAddress = "no_address"
        case suppressed
    }

    /// One channel's counts.
    public struct Reach: Sendable, Hashable {
        /// Members sent it now.
        public var reached: Int
        /// Members who get it in their next digest (email only).
        public var inDigest: Int
        public var missed: [MissedReason: Int]

        public init(reached: Int = 0, inDigest: Int = 0, missed: [MissedReason: Int] = [:]) {
            self.reached = reached
            self.inDigest = inDigest
            self.missed = missed
        }
    }

    public var inApp = 0
    /// Members of the audience who get nothing because they are inactive.
    public var inactive = 0
    /// Member ids the caller named that the service does not have.
    public var unknownMembers: [String]
    /// The channels asked for besides in-app, in the order asked.
    public private(set) var channels: [Channel]
    public private(set) var reach: [Channel: Reach]

    public init(unknownMembers: [String] = [], channels: [Channel]) {
        self.unknownMembers = unknownMembers
        self.channels = channels
        self.reach = Dictionary(uniqueKeysWithValues: channels.map { ($0, Reach()) })
    }

    /// Counts one member on `channel`: reached when `missed` is nil, or in their digest.
    mutating func count(_ channel: Channel, missed: MissedReason?, inDigest: Bool = false) {
        if let missed {
            reach[channel, default: Reach()].missed[missed, default: 0] += 1
        } else if inDigest {
            reach[channel, default: Reach()].inDigest += 1
        } else {
            reach[channel, default: Reach()].reached += 1
        }
    }
}
