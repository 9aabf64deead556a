import Foundation
import HTTPTypes
import HeraldCore
import HeraldDelivery
import HeraldStore
import Hummingbird

/// The one-click unsubscribe endpoint behind Herald's `List-Unsubscribe` links (RFC 8058). `GET` shows a page with
/// a button (link scanners follow GETs, so a GET never unsubscribes); `POST`, from that button or from a mail client's
/// one-click button (`List-Unsubscribe=One-Click`), stops the service's bulk mail to the address. Transactional
/// mail still goes. For a member notification's email the page is the member's email preferences instead (see
/// ``MemberEmailPreferencesPage``).
struct UnsubscribeController {
    let store: HeraldStore
    let publicURL: String

    func addRoutes(to router: Router<HeraldRequestContext>) {
        router.get("unsubscribe/:token") { request, context in try await page(request, context: context, unsubscribe: false) }
        router.post("unsubscribe/:token") { request, context in try await page(request, context: context, unsubscribe: true) }
    }

    private func page(_ request: Request, context: HeraldRequestContext, unsubscribe: Bool) async throws -> Response {
        let links = try await UnsubscribeLinks.load(baseURL: publicURL, store: store)
        guard let token = context.parameters.get("token"), let id = links.notificationId(fromToken: token),
            let notification = try await store.notification(id: id), notification.channel == .email,
            let service = try await store.service(id: notification.serviceId)
        else {
            return HTMLPage.response(.notFound, title: "Link not recognised", body: "<p>This unsubscribe link is not valid. It may have been copied incompletely.</p>")
        }
        if let message = try await store.memberMessage(notificationId: id) {
            var request = request
            let form = unsubscribe ? try await MemberEmailPreferencesPage.Form(request: &request) : nil
            return try await MemberEmailPreferencesPage(store: store).respond(
                memberId: message.memberId, subject: message.subject, service: service, address: notification.recipient, form: form
            )
        }
        let address = notification.recipient.htmlEscaped, sender = service.name.htmlEscaped
        guard unsubscribe else {
            return HTMLPage.response(.ok, title: "Unsubscribe", body: """
                <p>Stop mailings from <strong>\(sender)</strong> to <strong>\(address)</strong>?</p>
                <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">\
                <button type="submit">Unsubscribe</button></form>
                <p>You will still get messages about things you asked for, such as password resets.</p>
                """)
        }
        try await store.suppress(Suppression(
            serviceId: service.id, address: notification.recipient, reason: .unsubscribe,
            source: "one-click unsubscribe from notification \(notification.id.storageString)"
        ))
        return HTMLPage.response(.ok, title: "Unsubscribed", body: "<p><strong>\(address)</strong> will get no more mailings from <strong>\(sender)</strong>.</p>")
    }
}
