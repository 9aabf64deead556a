import HeraldCore
import Testing

@Suite("Notification status")
struct NotificationStatusTests {
    @Test func wireValuesAreNotifysStatusNames() {
        #expect(NotificationStatus.allCases.map(\.rawValue) == [
            "created", "sending", "pending", "sent", "delivered", "permanent-failure",
            "temporary-failure", "technical-failure", "validation-failed", "cancelled",
        ])
    }

    @Test func finalStatusesAreNotifysCompletedStatuses() {
        let final = Set(NotificationStatus.allCases.filter(\.isFinal))
        #expect(final == [
            .sent, .delivered, .technicalFailure, .temporaryFailure, .permanentFailure, .cancelled, .validationFailed,
        ])
    }
}
