import Foundation
import HeraldCore
import Testing

/// One SES fixture file and the event Herald must read from it.
struct SESFixture: Sendable, CustomTestStringConvertible {
    /// Path under `../shared/aws`.
    let path: String
    let kind: DeliveryEvent.Kind
    let occurredAt: String
    let recipient: String
    /// The status a `sending` notification reaches with this event.
    let status: NotificationStatus

    var testDescription: String { path }

    /// `occurredAt` read with a parser other than the one under test.
    func expectedDate() throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return try #require(formatter.date(from: occurredAt))
    }

    /// The moto capture of this fixture's trip through SNS to SQS and to a webhook.
    var capturePath: String {
        let parts = path.split(separator: "/")
        return "captures/feedback-path/\(parts[1])--\(parts[2])"
    }

    static let messageId = "0100019a8c1e2f3b-5d2c8e7a-1b2c-4d5e-8f90-a1b2c3d4e5f6-000000"

    private static let hardBounce = DeliveryEvent.Kind.bounced(
        .permanent,
        subtype: "General",
        diagnostic: "smtp; 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown"
    )
    private static let suppressionDiagnostic = "Amazon SES did not send the message to this address because it is on "
        + "the suppression list for your account. For more information about removing addresses from the "
        + "suppression list, see the Amazon SES Developer Guide at "
        + "https://docs.aws.amazon.com/ses/latest/DeveloperGuide/sending-email-suppression-list.html"

    static let all: [SESFixture] = [
        SESFixture(
            path: "fixtures/ses-events/send.json", kind: .accepted,
            occurredAt: "2026-11-20T09:15:02.512Z", recipient: "alice@example.net", status: .sending
        ),
        SESFixture(
            path: "fixtures/ses-events/reject.json", kind: .rejected(reason: "Bad content"),
            occurredAt: "2026-11-20T09:15:02.512Z", recipient: "alice@example.net", status: .permanentFailure
        ),
        SESFixture(
            path: "fixtures/ses-events/delivery.json", kind: .delivered,
            occurredAt: "2026-11-20T09:15:04.119Z", recipient: "alice@example.net", status: .delivered
        ),
        SESFixture(
            path: "fixtures/ses-events/bounce-permanent.json", kind: hardBounce,
            occurredAt: "2026-11-20T09:15:03.871Z", recipient: "nobody@example.net", status: .permanentFailure
        ),
        SESFixture(
            path: "fixtures/ses-events/bounce-suppressed.json",
            kind: .bounced(.permanent, subtype: "OnAccountSuppressionList", diagnostic: suppressionDiagnostic),
            occurredAt: "2026-11-20T09:15:02.901Z", recipient: "suppressed@example.net", status: .permanentFailure
        ),
        SESFixture(
            path: "fixtures/ses-events/bounce-transient-mailboxfull.json",
            kind: .bounced(.transient, subtype: "MailboxFull", diagnostic: "smtp; 552 5.2.2 Mailbox full"),
            occurredAt: "2026-11-20T21:15:03.000Z", recipient: "full@example.net", status: .temporaryFailure
        ),
        SESFixture(
            path: "fixtures/ses-events/complaint.json", kind: .complained(feedbackType: "abuse"),
            occurredAt: "2026-11-20T10:02:44.000Z", recipient: "alice@example.net", status: .delivered
        ),
        SESFixture(
            path: "fixtures/ses-events/open.json", kind: .opened,
            occurredAt: "2026-11-20T09:20:11.302Z", recipient: "alice@example.net", status: .delivered
        ),
        SESFixture(
            path: "fixtures/ses-events/click.json",
            kind: .clicked(link: "https://example.com/orders/1042?utm_source=ses"),
            occurredAt: "2026-11-20T09:21:37.950Z", recipient: "alice@example.net", status: .delivered
        ),
        SESFixture(
            path: "fixtures/ses-events/rendering-failure.json",
            kind: .renderingFailed(message: "Attribute 'order_total' is not present in the rendering data."),
            occurredAt: "2026-11-20T09:15:02.512Z", recipient: "alice@example.net", status: .technicalFailure
        ),
        SESFixture(
            path: "fixtures/ses-events/delivery-delay.json", kind: .delayed(delayType: "TransientCommunicationFailure"),
            occurredAt: "2026-11-20T09:30:02.000Z", recipient: "slow@example.net", status: .sending
        ),
        SESFixture(
            path: "fixtures/ses-events/subscription.json", kind: .subscription,
            occurredAt: "2026-11-20T11:00:14.340Z", recipient: "alice@example.net", status: .sending
        ),
        SESFixture(
            path: "fixtures/ses-notifications/bounce.json", kind: hardBounce,
            occurredAt: "2026-11-20T09:15:03.871Z", recipient: "nobody@example.net", status: .permanentFailure
        ),
        SESFixture(
            path: "fixtures/ses-notifications/complaint.json", kind: .complained(feedbackType: "abuse"),
            occurredAt: "2026-11-20T10:02:44.000Z", recipient: "alice@example.net", status: .delivered
        ),
        SESFixture(
            path: "fixtures/ses-notifications/delivery.json", kind: .delivered,
            occurredAt: "2026-11-20T09:15:04.119Z", recipient: "alice@example.net", status: .delivered
        ),
    ]
}
