/// An AWS service Herald calls, with what the wire needs to know about it: the name in the credential scope,
/// the default host, and its `AWS_ENDPOINT_URL_<SERVICE>` overrides.
public enum AWSService: String, Sendable, CaseIterable {
    /// Amazon SES API v2 (restJson1). Signed as `ses`, like SES v1.
    case sesv2
    /// Amazon SES API v1 (awsQuery), on the same host as v2; `herald setup aws` uses it for configuration-set event
    /// destinations, which moto only implements in v1 (the two APIs manage the same configuration sets).
    case ses
    /// Amazon SNS (awsQuery).
    case sns
    /// Amazon SQS (awsJson1_0).
    case sqs
    /// AWS STS (awsQuery): who the credentials belong to.
    case sts

    public var signingName: String {
        switch self {
        case .sesv2, .ses: "ses"
        case .sns: "sns"
        case .sqs: "sqs"
        case .sts: "sts"
        }
    }

    /// The service-specific endpoint variables, first match wins. The SDKs name SES v2 `SESV2` (its service id)
    /// and v1 `SES`; each reads the other's variable too, since SES v1 and v2 share one endpoint.
    var endpointVariables: [String] {
        switch self {
        case .sesv2: ["AWS_ENDPOINT_URL_SESV2", "AWS_ENDPOINT_URL_SES"]
        case .ses: ["AWS_ENDPOINT_URL_SES", "AWS_ENDPOINT_URL_SESV2"]
        case .sns: ["AWS_ENDPOINT_URL_SNS"]
        case .sqs: ["AWS_ENDPOINT_URL_SQS"]
        case .sts: ["AWS_ENDPOINT_URL_STS"]
        }
    }

    func defaultEndpoint(region: String) -> String {
        switch self {
        case .sesv2, .ses: "https://email.\(region).amazonaws.com"
        case .sns: "https://sns.\(region).amazonaws.com"
        case .sqs: "https://sqs.\(region).amazonaws.com"
        case .sts: "https://sts.\(region).amazonaws.com"
        }
    }
}
