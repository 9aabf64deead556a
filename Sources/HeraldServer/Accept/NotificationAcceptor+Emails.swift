import Foundation
import HeraldCore
import HeraldStore

extension NotificationAcceptor {
    /// Accepts a `POST /herald/v1/emails`: renders the email for each recipient (reporting every recipient's problem
    /// at once), grants the batch's readers, and stores every email with its delivery job in one transaction at the
    /// request's priority. Notify's simulated recipients are answered but neither stored nor sent. With an
    /// idempotency key, each recipient's email carries the key and its position in the request, so a repeated call
    /// stores nothing new and its outcomes are the first call's emails (`.duplicate`).
    public func accept(_ request: EmailSendRequest, service: Service, key: APIKey?, now: Date = Date()) async throws -> [EnqueueOutcome] {
        let prepared: PreparedTemplate
        switch request.content {
        case .template(let id):
            prepared = try await template(id, for: .email, service: service)
        case .formatted(let subject, let body, let html):
            prepared = PreparedTemplate(Template.formatted(.email, serviceId: service.id, subject: subject, body: body), html: html)
        }
        var problems: [String] = []
        var emails: [NotificationRecord] = []
        emails.reserveCapacity(request.recipients.count)
        for (index, recipient) in request.recipients.enumerated() {
            do {
                let content = try prepared.render(recipient.personalisation, channel: .email)
                var email = notification(
                    prepared.template, content, to: recipient.address, personalisationJSON: recipient.personalisationJSON,
                    reference: recipient.reference, service: service, key: key, origin: .api, now: now
                )
                email.replyTo = request.replyTo
                email.batchId = request.batch?.batchId
                email.idempotencyKey = request.idempotencyKey.map { "\($0)#\(index)" }
                emails.append(email)
            } catch {
                problems += error.entries.map { "recipients[\(index)] \($0.message)" }
            }
        }
        guard problems.isEmpty else { throw NotifyError.validation(Array(problems.prefix(100))) }
        if let batch = request.batch {
            try await store.grantBatchReaders(serviceId: service.id, batchId: batch.batchId, roles: batch.readers, now: now)
        }
        let isSimulated = { (email: NotificationRecord) in Self.simulatedRecipients.contains(email.recipient.lowercased()) }
        var stored = try await store.enqueue(emails.filter { !isSimulated($0) }, priority: request.priority).makeIterator()
        return emails.map { email in isSimulated(email) ? .accepted(email) : stored.next()! }
    }
}
