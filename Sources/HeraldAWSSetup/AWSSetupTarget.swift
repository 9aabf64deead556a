import HeraldAWS

/// The resources of an `AWSSetupSpec` in one account and region, with the ARNs they have (or will have once
/// created), so a plan can name every resource before any exists.
public struct AWSSetupTarget: Sendable, Equatable {
    public var spec: AWSSetupSpec
    public var region: String
    public var account: String
    public var partition: String

    public init(spec: AWSSetupSpec, region: String, account: String, partition: String = "aws") {
        self.spec = spec
        self.region = region
        self.account = account
        self.partition = partition
    }

    public init(spec: AWSSetupSpec, region: String, identity: CallerIdentity) {
        self.init(spec: spec, region: region, account: identity.account, partition: identity.partition)
    }

    public var topicArn: String { arn("sns", spec.topic) }
    public var queueArn: String { arn("sqs", spec.queue) }
    public var deadLetterQueueArn: String { arn("sqs", spec.deadLetterQueue) }

    private func arn(_ service: String, _ name: String) -> String {
        "arn:\(partition):\(service):\(region):\(account):\(name)"
    }
}
