/// Who a member notification reaches and on which channels, decided from its audience, the members' preferences and
/// the suppression list, with the counts the caller gets back. Every active member of the audience gets the in-app
/// item; each channel asked for goes to those who want it, have an address for it and are not suppressed.
public struct FanOutDecision: Sendable {
    /// An active member and the channels, besides in-app, that the notification goes to them on now; `inDigest`
    /// when its email waits for the member's digest instead.
    public struct Recipient: Sendable {
        public var member: Member
        public var channels: [Channel]
        public var inDigest: Bool
    }

    public var recipients: [Recipient]
    public var report: FanOutReport

    /// - Parameters:
    ///   - audience: the members the notification is for, active or not.
    ///   - unknown: member ids the caller named that the service does not have.
    ///   - channels: the channels asked for besides in-app (email, SMS).
    ///   - preferences: the preferences that apply, or nil for a notification that ignores them (a system broadcast).
    ///   - suppressions: the service's suppressions among the audience's addresses, keyed by lowercased address.
    ///   - digests: the members who chose a digest: a happening's email to them waits for it.
    public init(
        audience: [Member], unknown: [String], channels: [Channel], subject: MemberNotificationSubject,
        preferences: PreferenceBook?, suppressions: [String: Suppression.Reason], digests: Set<String> = []
    ) {
        var report = FanOutReport(unknownMembers: unknown, channels: channels)
        var recipients: [Recipient] = []
        recipients.reserveCapacity(audience.count)
        for member in audience {
            guard member.active else {
                report.inactive += 1
                continue
            }
            var reached: [Channel] = []
            var inDigest = false
            for channel in channels {
                let missed: FanOutReport.MissedReason?
                if let preferences, !preferences.wants(channel, memberId: member.id, subject: subject) {
                    missed = .optedOut
                } else if let address = member.address(for: channel) {
                    missed = suppressions[address.lowercased()]?.blocks(.members) == true ? .suppressed : nil
                } else {
                    missed = .noAddress
                }
                let digested = missed == nil && channel == .email && subject.kind == .happening && digests.contains(member.id)
                report.count(channel, missed: missed, inDigest: digested)
                if digested {
                    inDigest = true
                } else if missed == nil {
                    reached.append(channel)
                }
            }
            recipients.append(Recipient(member: member, channels: reached, inDigest: inDigest))
        }
        report.inApp = recipients.count
        self.recipients = recipients
        self.report = report
    }
}
