import Foundation

extension Template {
    /// The template id of a formatted message, whose subject and body the caller wrote (`POST /herald/v1/emails`
    /// without `template_id`, a member notification without its own templates): the nil UUID, at version 0.
    /// Notify's API shows it as the notification's template; no template is stored under it.
    public static let formattedId = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// A formatted message's subject and body as an unstored template of `serviceId`, so that they render like a
    /// template's (`((placeholders))` filled from each recipient's personalisation).
    public static func formatted(_ channel: Channel, serviceId: UUID, subject: String?, body: String) -> Template {
        Template(id: formattedId, version: 0, serviceId: serviceId, channel: channel, name: "Formatted \(channel.rawValue)", subject: subject, body: body)
    }
}
