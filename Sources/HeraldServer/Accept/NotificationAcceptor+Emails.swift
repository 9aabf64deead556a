import Foundation
import HeraldCore
import HeraldStore

extension NotificationAcceptor {
    /// Accepts a `POST /herald/v1/emails`: renders the email for each recipient (reporting every recipient's problem
    /// at once), grants the batch's readers, and stores every email with its delivery job in one transaction at the
    /// request's priority; an email by blind copy goes as one message per batch of recipients. Notify's simulated
    /// recipients of their own emails are answered but neither stored nor sent. With an
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
        let emails = request.bcc.isEmpty
            ? try emailsPerRecipient(request, prepared: prepared, service: service, key: key, now: now)
            : try blindCopies(request, prepared: prepared, service: service, key: key, now: now)
        if let batch = request.batch {
            try await store.grantBatchReaders(serviceId: service.id, batchId: batch.batchId, roles: batch.readers, now: now)
        }
        let isSimulated = { (email: NotificationRecord) in email.bcc.isEmpty && Self.simulatedRecipients.contains(email.recipient.lowercased()) }
        var stored = try await store.enqueue(emails.filter { !isSimulated($0) }, priority: request.priority).makeIterator()
        return emails.map { email in isSimulated(email) ? .accepted(email) : stored.next()! }
    }

    /// One email per recipient, each filled from their own personalisation.
    private func emailsPerRecipient(
        _ request: EmailSendRequest, prepared: PreparedTemplate, service: Service, key: APIKey?, now: Date
    ) throws -> [NotificationRecord] {
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
        return emails
    }

    /// The one email, filled from the shared personalisation, as one message per ``EmailSendRequest/blindCopyBatchSize``
    /// recipients, each of whom gets it by blind copy. With an idempotency key, each message carries the key and its
    /// batch's position.
    private func blindCopies(
        _ request: EmailSendRequest, prepared: PreparedTemplate, service: Service, key: APIKey?, now: Date
    ) throws -> [NotificationRecord] {
        let content = try prepared.render(request.personalisation, channel: .email)
        return request.bcc.chunks(of: EmailSendRequest.blindCopyBatchSize).enumerated().map { index, batch in
            var email = notification(
                prepared.template, content, to: batch[batch.startIndex], personalisationJSON: request.personalisationJSON,
                reference: request.reference, service: service, key: key, origin: .api, now: now
            )
            email.bcc = Array(batch.dropFirst())
            email.replyTo = request.replyTo
            email.batchId = request.batch?.batchId
            email.idempotencyKey = request.idempotencyKey.map { "\($0)#bcc\(index)" }
            return email
        }
    }
}
