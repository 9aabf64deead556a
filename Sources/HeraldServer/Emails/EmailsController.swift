import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import Logging

/// Herald's email API: send the email use cases of a members' platform, and read sent emails for the platform to
/// show its own members and staff. Authenticated with the service's API key.
///
/// `POST /herald/v1/emails` sends one email, templated (`template_id`) or already formatted (`subject`, `body`,
/// optional `html`), to each of up to 50,000 `recipients`, each with their own personalisation over the shared one, or
/// to up to 50,000 addresses in `bcc` at once (one message per 50, each recipient a blind copy, so no one sees the
/// others; one recipient's bounce or complaint is recorded for them without failing the message for the rest),
/// queued (bulk priority, the default) or `"delivery": "immediate"`, with `reply_to`, `batch_id`, `batch_readers` and
/// `in_app` (an in-app notification, with the email's subject and body, for each member of the service whose email
/// address it went to); 201 lists the emails made and counts the in-app notifications. A repeat of a call with the
/// same `Idempotency-Key` header sends nothing and lists the first call's emails (`in_app` then counts none).
///
/// For reads the platform names the reader in `Herald-Viewer` and asserts their roles in `Herald-Viewer-Roles`.
/// `GET /herald/v1/emails/{notification_id}` shows one email's content and tracking record;
/// `GET /herald/v1/batches/{batch_id}/emails?older_than=…&page_size=…` pages through a batch's emails, newest first.
/// Only holders of the service's email admin role, or of a role granted read access to the email's batch, may read:
/// others get 403 `ForbiddenError`. No `Herald-Viewer` is 400; an id the service does not have is 404.
struct EmailsController {
    let store: HeraldStore
    let acceptor: NotificationAcceptor

    func addRoutes(to group: RouterGroup<HeraldRequestContext>) {
        group.post("emails", use: send)
        group.get("emails/:notification_id", use: show)
        group.get("batches/:batch_id/emails", use: listBatch)
    }

    @Sendable func send(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        var request = request
        let send = try EmailSendRequest.parse(
            try await request.jsonObjectBody(upTo: 64 * 1024 * 1024), idempotencyKey: request.headers[.idempotencyKey]
        )
        let outcomes = try await acceptor.accept(send, service: auth.service, key: auth.key)
        let emails = outcomes.map(\.notification)
        let inApp = send.inApp ? try await addInApp(alongside: outcomes.compactMap(\.accepted), serviceId: auth.service.id) : 0
        let root = NotificationsController.root(of: request)
        return JSONResponse(.created, [
            "batch_id": .optional(send.batch?.batchId),
            "in_app": .int(inApp),
            "emails": .array(emails.map { email in
                var members: [(String, JSONValue)] = [
                    ("id", .string(email.id.storageString)), ("email_address", .string(email.recipient)), ("reference", .optional(email.reference)),
                    ("uri", .string("\(root)v2/notifications/\(email.id.storageString)")),
                ]
                if !email.bcc.isEmpty { members.append(("bcc", .strings(email.bcc))) }
                return .object(members)
            }),
        ])
    }

    /// Adds an in-app notification alongside each email for every active member of the service with its address;
    /// returns how many it added.
    private func addInApp(alongside emails: [NotificationRecord], serviceId: UUID) async throws -> Int {
        let members = try await store.members(serviceId: serviceId, emails: emails.flatMap(\.recipients))
        let byAddress = Dictionary(grouping: members.filter(\.active)) { $0.email?.lowercased() ?? "" }
        let items = emails.flatMap { email in
            email.recipients.flatMap { byAddress[$0.lowercased()] ?? [] }.map { member in
                InboxItem(serviceId: serviceId, memberId: member.id, kind: .namedSpecific, title: email.subject ?? "", body: email.body, createdAt: email.createdAt)
            }
        }
        try await store.addToInbox(items)
        return items.count
    }

    @Sendable func show(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let viewer = try request.emailViewer()
        guard let id = context.parameters.get("notification_id").flatMap(UUID.init(uuidString:)) else {
            throw NotifyError.validation(["notification_id is not a valid UUID"])
        }
        guard let email = try await store.notification(id: id, serviceId: auth.service.id), email.channel == .email else {
            throw NotifyError.noResult
        }
        var readers: [String] = []
        if let batchId = email.batchId {
            readers = try await store.batchReaders(serviceId: auth.service.id, batchId: batchId)
        }
        guard viewer.mayRead(batchReaders: readers, adminRole: try await store.emailAdminRole(serviceId: auth.service.id)) else {
            throw NotifyError.forbidden("The viewer may not read this email: they hold neither the email admin role nor a role granted read access to its batch")
        }
        context.logger.info("sent email read", metadata: ["viewer": "\(viewer.id)", "notification_id": "\(id.storageString)"])
        let tracking = try await trackings(of: [email])
        let outcomes = email.bcc.isEmpty ? [:] : try await store.recipientOutcomes(notificationIds: [email.id])
        return JSONResponse(.ok, EmailJSON.email(email, tracking: tracking[0], recipients: outcomes[email.id] ?? [:]))
    }

    @Sendable func listBatch(_ request: Request, context: HeraldRequestContext) async throws -> JSONResponse {
        let auth = try context.requireAuth()
        let viewer = try request.emailViewer()
        let batchId = try context.batchId()
        let query = try EmailPageQuery(request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) })
        let readers = try await store.batchReaders(serviceId: auth.service.id, batchId: batchId)
        let page = try await store.notifications(NotificationFilter(
            serviceId: auth.service.id, channels: [.email], batchId: batchId, olderThan: query.olderThan, includeJobs: true, limit: query.pageSize
        ))
        guard !(readers.isEmpty && page.isEmpty && query.olderThan == nil) else { throw NotifyError.noResult }
        guard viewer.mayRead(batchReaders: readers, adminRole: try await store.emailAdminRole(serviceId: auth.service.id)) else {
            throw NotifyError.forbidden("The viewer may not read this batch: they hold neither the email admin role nor a role granted read access to it")
        }
        context.logger.info("sent emails read", metadata: ["viewer": "\(viewer.id)", "batch_id": "\(batchId)", "count": "\(page.count)"])
        var links: [(String, JSONValue)] = []
        if page.count == query.pageSize, let last = page.last {
            let path = "herald/v1/batches/\(context.parameters.get("batch_id") ?? batchId)/emails"
            links.append(("next", .string("\(NotificationsController.root(of: request))\(path)?\(query.next(after: last.id))")))
        }
        let trackings = try await trackings(of: page)
        let outcomes = try await store.recipientOutcomes(notificationIds: page.filter { !$0.bcc.isEmpty }.map(\.id))
        return JSONResponse(.ok, [
            "batch_id": .string(batchId),
            "emails": .array(zip(page, trackings).map { EmailJSON.email($0, tracking: $1, recipients: outcomes[$0.id] ?? [:]) }),
            "links": .object(links),
        ])
    }

    /// The tracking record of each email, in order, from one timeline query.
    private func trackings(of emails: [NotificationRecord]) async throws -> [EmailTracking] {
        let timelines = try await store.timelines(notificationIds: emails.map(\.id), events: EmailTracking.eventNames)
        return emails.map { EmailTracking(notification: $0, timeline: timelines[$0.id] ?? []) }
    }
}
