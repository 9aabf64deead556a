import Foundation
import HeraldCore
import HeraldDelivery
import HeraldFeedback
import HeraldStore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The long-running services of a Herald process other than the HTTP server: delivery workers, the callback sender, the
/// feedback processor, the reputation monitor, the inbox expiry clean-up and, when a feedback queue is configured, its
/// consumer. `herald worker` runs only these.
public func backgroundServices(store: HeraldStore, configuration: HeraldConfiguration, logger: Logger) throws -> [any ServiceLifecycle.Service] {
    var services: [any ServiceLifecycle.Service] = [
        DeliveryWorker(
            store: store, provider: try configuration.makeProvider(logger: logger), smsProvider: try configuration.makeSMSProvider(logger: logger),
            configuration: configuration.worker, logger: logger
        ),
        FeedbackProcessor(store: store, softBounces: configuration.worker.softBounces, logger: logger),
        CallbackSender(store: store, policy: configuration.callbacks, logger: logger),
        ReputationMonitor(store: store, policy: configuration.reputation, logger: logger),
        InboxExpiryCleaner(store: store, logger: logger),
        DigestSender(store: store, logger: logger),
    ]
    if let consumer = try configuration.makeFeedbackConsumer(store: store, logger: logger) {
        services.append(consumer)
    }
    return services
}

/// The HTTP routes: Notify's v2 API and Herald's own `/herald/v1` behind JWT authentication, the SNS webhook (authenticated by SNS's
/// signatures), and an unauthenticated status check and metrics (when `metrics` writes them).
public func buildRouter(
    store: HeraldStore, sns: SNSWebhookConfiguration = .init(), sms: SMSSettings = .init(), publicURL: String = "http://127.0.0.1:8080/",
    reputationWindow: TimeInterval = ReputationPolicy().window, metrics: (@Sendable () -> [UInt8])? = nil
) -> Router<HeraldRequestContext> {
    let router = Router(context: HeraldRequestContext.self)
    router.get("_status") { _, _ in JSONResponse(.ok, ["status": "ok"]) }
    if let metrics {
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics()))
            )
        }
    }
    let acceptor = NotificationAcceptor(store: store)
    let authentication = NotifyAuthMiddleware(authenticator: Authenticator(store: store))
    let v2 = router.group("v2").add(middleware: authentication)
    NotificationsController(acceptor: acceptor, store: store, sms: sms).addRoutes(to: v2)
    let herald = router.group("herald/v1").add(middleware: authentication)
    SuppressionsController(store: store).addRoutes(to: herald)
    CallbacksController(store: store).addRoutes(to: herald)
    ReputationController(store: store, window: reputationWindow).addRoutes(to: herald)
    MembersController(store: store, sms: sms).addRoutes(to: herald)
    ListensController(store: store).addRoutes(to: herald)
    InboxController(store: store).addRoutes(to: herald)
    PreferencesController(store: store).addRoutes(to: herald)
    MemberNotificationsController(notifier: MemberNotifier(store: store)).addRoutes(to: herald)
    EmailsController(store: store, acceptor: acceptor).addRoutes(to: herald)
    BatchReadersController(store: store).addRoutes(to: herald)
    SettingsController(store: store).addRoutes(to: herald)
    SNSWebhookController(store: store, configuration: sns).addRoutes(to: router)
    UnsubscribeController(store: store, publicURL: publicURL).addRoutes(to: router)
    return router
}

/// The composition root: the HTTP API and, unless switched off, the workers that deliver and apply feedback.
/// Tests call this with their own store, so the wiring they exercise is the real one.
public func buildApplication(store: HeraldStore, configuration: HeraldConfiguration, logger: Logger) throws -> some ApplicationProtocol {
    Application(
        router: buildRouter(
            store: store, sns: configuration.sns, sms: configuration.sms, publicURL: configuration.publicURL,
            reputationWindow: configuration.reputation.window, metrics: configuration.metricsExposition
        ),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Herald"),
        services: configuration.runsWorkers ? try backgroundServices(store: store, configuration: configuration, logger: logger) : [],
        logger: logger
    )
}
