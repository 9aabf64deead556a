import Foundation
import HeraldSNS
import Testing

@Suite struct SigningCertificateURLPolicyTests {
    @Test(arguments: [
        "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem",
        "https://sns.eu-west-1.amazonaws.com:443/SimpleNotificationService-abc.pem",
        "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem",
        "https://SNS.US-EAST-1.AMAZONAWS.COM/SimpleNotificationService-abc.pem",
    ])
    func amazonCertificateURLsAreAllowed(_ url: String) {
        #expect(SigningCertificateURLPolicy.amazonSNS.certificateURL(url) != nil)
    }

    @Test(arguments: [
        "http://sns.us-east-1.amazonaws.com/c.pem",
        "https://sns.us-east-1.amazonaws.com.evil.example/c.pem",
        "https://evil.example/sns.us-east-1.amazonaws.com/c.pem",
        "https://sns.us-east-1.amazonaws.com/c.txt",
        "https://sns.us-east-1.amazonaws.com@sns.us-east-1.amazonaws.com/c.pem",
        "https://user:pw@sns.us-east-1.amazonaws.com/c.pem",
        "https://sns.us-east-1.amazonaws.com:8443/c.pem",
        "https://sns.evil.example.amazonaws.com/c.pem",
        "https://sns..amazonaws.com/c.pem",
        "https://sqs.us-east-1.amazonaws.com/c.pem",
        "https://sns.us-east-1.amazonaws.com/c.pem?x=1",
        "https://sns.us-east-1.amazonaws.com/c.pem#frag",
        "https://sns.us-east-1.amazonaws%2Ecom/c.pem",
        "https://127.0.0.1:8443/c.pem",
        "file:///etc/passwd.pem",
        "not a url",
    ])
    func otherCertificateURLsAreRefused(_ url: String) {
        #expect(SigningCertificateURLPolicy.amazonSNS.certificateURL(url) == nil)
    }

    @Test func anExactHostIsAllowedOnlyOnItsPort() {
        let policy = SigningCertificateURLPolicy(allowedHosts: [.exact(host: "127.0.0.1", port: 8443)])
        #expect(policy.certificateURL("https://127.0.0.1:8443/c.pem") != nil)
        #expect(policy.certificateURL("https://127.0.0.1:8444/c.pem") == nil)
        #expect(policy.certificateURL("https://127.0.0.1/c.pem") == nil)
        #expect(policy.certificateURL("https://sns.us-east-1.amazonaws.com/c.pem") == nil)
    }

    @Test func subscribeURLsKeepTheirQueryButPassTheSameHostCheck() {
        let policy = SigningCertificateURLPolicy.amazonSNS
        let url = "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:123456789012:ses-events&Token=abc"
        #expect(policy.subscribeURL(url)?.absoluteString == url)
        #expect(policy.subscribeURL("https://evil.example/?Action=ConfirmSubscription") == nil)
        #expect(policy.subscribeURL("http://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription") == nil)
    }
}
