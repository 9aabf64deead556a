/// An AWS service Herald calls, with what the wire needs to know about it: the name in the credential scope,
/// the default host, and its `AWS_ENDPOINT_URL_<SERVICE>` overrides.
public enum AWSService: String, Sendable, CaseIterable {
    /// Amazon SES API v2 (restJson1). Signed as `ses`, like SES v1.
    case sesv2
    /// Amazon SNS (awsQuery).
    case sns
    /// Amazon SQS (awsJson1_0).
    case sqs

    public var signingName: String {
        switch self {
        case .sesv2: "ses"
        case .sns: "sns"
        case .sqs: "sqs"
        }
    }

    /// The service-specific endpoint variables, first match wins. The SDKs name SES v2 `SESV2` (its service id);
    /// `AWS_ENDPOINT_URL_SES` is read too, since SES v1 and v2 share one endpoint.
    var endpointVariables: [String] {
        switch self {
        case .sesv2: ["AWS_ENDPOINT_URL_SESV2", "AWS_ENDPOINT_URL_SES"]
        case .sns: ["AWS_ENDPOINT_URL_SNS"]
        case .sqs: ["AWS_ENDPOINT_URL_SQS"]
        }
    }

    func defaultEndpoint(region: String) -> String {
        switch self {
        case .sesv2: "https://email.\(region).amazonaws.com"
        case .sns: "https://sns.\(region).amazonaws.com"
        case .sqs: "https://sqs.\(region).amazonaws.com"
        }
    }
}
