import HeraldSMTP
import NIOCore
import Testing

@Suite struct SMTPConfigurationURLTests {
    @Test func smtpURLWithCredentialsAndOptions() throws {
        let configuration = try SMTPConfiguration(url: "smtp://us%40er:p%3Ass@127.0.0.1:2525?starttls=required&auth=login&ca=/tmp/ca.pem&timeout=2.5&pool=3&helo=herald.example")
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 2525)
        #expect(configuration.security == .startTLSRequired)
        #expect(configuration.username == "us@er")
        #expect(configuration.password == "p:ss")
        #expect(configuration.authMechanism == .login)
        #expect(configuration.trustedCAFile == "/tmp/ca.pem")
        #expect(configuration.commandTimeout == .milliseconds(2500))
        #expect(configuration.maximumConnections == 3)
        #expect(configuration.localHostname == "herald.example")
    }

    @Test(arguments: [
        ("smtp://mail.example", SMTPConfiguration.Security.startTLSOpportunistic, 25),
        ("smtp://mail.example:587?starttls=opportunistic", .startTLSOpportunistic, 587),
        ("smtp://mail.example?starttls=off", .none, 25),
        ("smtps://mail.example", .implicitTLS, 465),
    ])
    func schemeAndStartTLSChooseTheSecurity(url: String, security: SMTPConfiguration.Security, port: Int) throws {
        let configuration = try SMTPConfiguration(url: url)
        #expect(configuration.security == security)
        #expect(configuration.port == port)
        #expect(configuration.username == nil)
    }

    @Test(arguments: [
        "http://mail.example", "smtp://", "smtp://mail.example?starttls=maybe", "smtps://mail.example?starttls=required",
        "smtp://mail.example?auth=cram-md5", "smtp://mail.example?timeout=0", "smtp://mail.example?pool=none",
    ])
    func refusesWhatItCannotUse(url: String) {
        #expect(throws: SMTPConfiguration.InvalidURL.self) { try SMTPConfiguration(url: url) }
    }
}
