import Foundation

extension Template {
    /// The template id of a formatted email, whose subject and body the caller wrote (`POST /herald/v1/emails`
    /// without `template_id`): the nil UUID, at version 0. Notify's API shows it as the notification's template; no
    /// template is stored under it.
    public static let formattedEmailId = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// A formatted email's subject and body as an unstored template of `serviceId`, so that they render like a
    /// template's (`((placeholders))` filled from each recipient's personalisation).
    public static func formattedEmail(serviceId: UUID, subject: String, body: String) -> Template {
        Template(id: formattedEmailId, version: 0, serviceId: serviceId, channel: .email, name: "Formatted email", subject: subject, body: body)
    }
}
