import Foundation
@testable import HeraldAWS
import Testing

/// A captured error answer and what Herald must read from it.
struct CapturedError: Sendable, CustomTestStringConvertible {
    let capture: String
    let wireProtocol: AWSProtocol
    let code: String
    let message: String
    let retryable: Bool

    var testDescription: String { capture }

    static let all = [
        CapturedError(capture: "sesv2-SendEmail-unverified-error", wireProtocol: .restJSON, code: "MessageRejected",
                      message: "Email address not verified nobody@unverified.test", retryable: false),
        CapturedError(capture: "sqs-GetQueueUrl-missing-error", wireProtocol: .awsJSON1_0, code: "QueueDoesNotExist",
                      message: "The specified queue does not exist.", retryable: false),
        CapturedError(capture: "sns-Publish-missing-topic-error", wireProtocol: .awsQuery, code: "NotFound",
                      message: "Endpoint does not exist", retryable: false),
        CapturedError(capture: "sns-Publish-sms-not-e164", wireProtocol: .awsQuery, code: "InvalidParameter",
                      message: "Phone number does not meet the E164 format", retryable: false),
        CapturedError(capture: "sns-Publish-sms-too-long", wireProtocol: .awsQuery, code: "InvalidParameter",
                      message: "SMS message must be less than 1600 bytes", retryable: false),
        // moto has no SES v2 GetAccount: an HTML 404 without an error type.
        CapturedError(capture: "sesv2-GetAccount", wireProtocol: .restJSON, code: "HTTP404",
                      message: "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>", retryable: false),
        CapturedError(capture: "sns-GetSMSSandboxAccountStatus", wireProtocol: .awsQuery, code: "HTTP500",
                      message: "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>", retryable: true),
    ]
}

@Suite("AWS errors: decoding and retry classification")
struct AWSErrorTests {
    @Test("Reads code and message from captured error answers", arguments: CapturedError.all)
    func readsCapturedError(expected: CapturedError) throws {
        let capture = try CapturedExchange(expected.capture)
        let error = expected.wireProtocol.error(status: capture.status, headers: capture.headers, body: capture.body)
        #expect(error.statusCode == capture.status)
        #expect(error.code == expected.code)
        #expect(error.message.hasPrefix(expected.message))
        #expect(error.isRetryable == expected.retryable)
    }

    @Test func restJSONErrorTypeLosesItsNamespaceAndURISuffix() {
        let headers = [(name: "x-amzn-ErrorType", value: "com.amazonaws.ses#TooManyRequestsException:http://internal.amazon.com/coral/")]
        let error = AWSProtocol.restJSON.error(status: 429, headers: headers, body: Array(#"{"message":"Too many requests."}"#.utf8))
        #expect(error.code == "TooManyRequestsException")
        #expect(error.message == "Too many requests.")
        #expect(error.isRetryable)
    }

    @Test func awsJSONErrorWithoutNamespace() {
        let error = AWSProtocol.awsJSON1_0.error(status: 400, headers: [], body: Array(#"{"__type":"ThrottlingException","Message":"Rate exceeded"}"#.utf8))
        #expect(error.code == "ThrottlingException")
        #expect(error.message == "Rate exceeded")
    }

    @Test func queryErrorMessageIsUnescaped() {
        let xml = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate &lt;exceeded&gt; &amp; &#233;&#x21;</Message></Error></ErrorResponse>"
        let error = AWSProtocol.awsQuery.error(status: 400, headers: [], body: Array(xml.utf8))
        #expect(error.code == "Throttling")
        #expect(error.message == "Rate <exceeded> & é!")
        #expect(error.isRetryable)
    }

    @Test(arguments: ["Throttling", "ThrottlingException", "TooManyRequestsException", "TooManyRequests", "RequestLimitExceeded", "ServiceUnavailable"])
    func throttlingAndUnavailabilityAreRetryable(code: String) {
        #expect(AWSError(statusCode: 400, code: code, message: "").isRetryable)
    }

    @Test func retryClassification() {
        #expect(AWSError(statusCode: 503, code: "Whatever", message: "").isRetryable)
        #expect(AWSError(statusCode: 429, code: "HTTP429", message: "").isRetryable)
        #expect(AWSError(source: .timeout, statusCode: nil, code: "Timeout", message: "").isRetryable)
        #expect(AWSError(source: .connection, statusCode: nil, code: "ConnectionError", message: "").isRetryable)
        #expect(!AWSError(statusCode: 400, code: "MessageRejected", message: "").isRetryable)
        #expect(!AWSError(statusCode: 403, code: "AccessDeniedException", message: "").isRetryable)
        #expect(!AWSError(statusCode: 200, code: "InvalidResponse", message: "").isRetryable)
    }
}
