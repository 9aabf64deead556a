/// AWS STS: which account and partition the configured credentials act in, so that ARNs can be named before
/// the resources exist.
public struct STS: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// `GetCallerIdentity`.
    public func callerIdentity() async throws(AWSError) -> CallerIdentity {
        let xml = try await client.awsQuery(.sts, action: "GetCallerIdentity", version: "2011-06-15", parameters: [])
        guard let account = XMLText.first("Account", in: xml), let arn = XMLText.first("Arn", in: xml) else {
            throw .invalidResponse("GetCallerIdentity", "no Account or Arn in \(xml.prefix(200))")
        }
        return CallerIdentity(account: account, arn: arn)
    }
}

/// Who the credentials belong to: the account id and the caller's ARN.
public struct CallerIdentity: Sendable, Equatable {
    public var account: String
    public var arn: String

    public init(account: String, arn: String) {
        self.account = account
        self.arn = arn
    }

    /// The partition the caller's ARN names: `aws`, `aws-cn`, `aws-us-gov`, ….
    public var partition: String {
        let parts = arn.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : "aws"
    }
}
