/// The SQS calls `herald setup aws` makes: create queues and read or change their attributes.
extension SQS {
    /// `CreateQueue` with `attributes` (`VisibilityTimeout`, `RedrivePolicy`, `Policy`, …); returns the queue URL.
    /// SQS answers `QueueNameExists` when a queue of that name exists with other attributes.
    public func createQueue(name: String, attributes: [String: String]) async throws(AWSError) -> String {
        struct Request: Encodable { var QueueName: String, Attributes: [String: String] }
        struct Response: Decodable { var QueueUrl: String }
        return try await call("CreateQueue", Request(QueueName: name, Attributes: attributes), Response.self).QueueUrl
    }

    /// `GetQueueUrl`, or nil when the queue does not exist.
    public func queueUrlIfExists(name: String) async throws(AWSError) -> String? {
        do throws(AWSError) {
            return try await getQueueUrl(name: name)
        } catch where error.code == "QueueDoesNotExist" || error.code == "AWS.SimpleQueueService.NonExistentQueue" {
            return nil
        }
    }

    /// `GetQueueAttributes` for `names` (`All` for every one); attributes that are not set are absent.
    public func queueAttributes(queueUrl: String, names: [String] = ["All"]) async throws(AWSError) -> [String: String] {
        struct Request: Encodable { var QueueUrl: String, AttributeNames: [String] }
        struct Response: Decodable { var Attributes: [String: String]? }
        return try await call("GetQueueAttributes", Request(QueueUrl: queueUrl, AttributeNames: names), Response.self).Attributes ?? [:]
    }

    /// `SetQueueAttributes`; an empty value removes an attribute such as `Policy` or `RedrivePolicy`.
    public func setQueueAttributes(queueUrl: String, _ attributes: [String: String]) async throws(AWSError) {
        struct Request: Encodable { var QueueUrl: String, Attributes: [String: String] }
        // The answer has no content (AWS may send an empty body, moto sends `{}`).
        _ = try await client.awsJSON(.sqs, target: "AmazonSQS.SetQueueAttributes", json: AWSClient.encode(Request(QueueUrl: queueUrl, Attributes: attributes)))
    }
}
