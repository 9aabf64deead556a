import NIOCore

/// The Amazon SQS calls Herald makes to consume a queue: find it, long-poll it, delete or postpone what it read.
///
/// Every call goes to the configured endpoint whatever host the queue URL names (moto echoes the request's host).
public struct SQS: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// `GetQueueUrl`; `ownerAccountId` for a queue of another account.
    public func getQueueUrl(name: String, ownerAccountId: String? = nil) async throws(AWSError) -> String {
        struct Request: Encodable { var QueueName: String; var QueueOwnerAWSAccountId: String? }
        struct Response: Decodable { var QueueUrl: String }
        return try await call("GetQueueUrl", Request(QueueName: name, QueueOwnerAWSAccountId: ownerAccountId), Response.self).QueueUrl
    }

    /// `ReceiveMessage` with a long poll of `waitTimeSeconds` (0…20), up to `maxNumberOfMessages` (1…10), with
    /// all system attributes. The HTTP timeout is raised to outlast the poll.
    public func receiveMessage(
        queueUrl: String, maxNumberOfMessages: Int = 10, waitTimeSeconds: Int = 20, visibilityTimeout: Int? = nil
    ) async throws(AWSError) -> [SQSMessage] {
        struct Request: Encodable {
            var QueueUrl: String, MaxNumberOfMessages: Int, WaitTimeSeconds: Int, VisibilityTimeout: Int?
            var MessageSystemAttributeNames = ["All"]
        }
        struct Response: Decodable { var Messages: [SQSMessage]? }
        let request = Request(QueueUrl: queueUrl, MaxNumberOfMessages: maxNumberOfMessages, WaitTimeSeconds: waitTimeSeconds, VisibilityTimeout: visibilityTimeout)
        let timeout = TimeAmount.seconds(Int64(waitTimeSeconds)) + client.timeout
        return try await call("ReceiveMessage", request, Response.self, timeout: timeout).Messages ?? []
    }

    /// `DeleteMessageBatch` (at most 10 entries): each entry's `id` is echoed in the result.
    public func deleteMessageBatch(queueUrl: String, entries: [(id: String, receiptHandle: String)]) async throws(AWSError) -> SQSBatchResult {
        struct Entry: Encodable { var Id: String, ReceiptHandle: String }
        struct Request: Encodable { var QueueUrl: String, Entries: [Entry] }
        let request = Request(QueueUrl: queueUrl, Entries: entries.map { Entry(Id: $0.id, ReceiptHandle: $0.receiptHandle) })
        return try await call("DeleteMessageBatch", request, SQSBatchResult.self)
    }

    /// `ChangeMessageVisibilityBatch` (at most 10 entries): each message becomes visible again after its
    /// `visibilityTimeout` seconds (0 = now).
    public func changeMessageVisibilityBatch(
        queueUrl: String, entries: [(id: String, receiptHandle: String, visibilityTimeout: Int)]
    ) async throws(AWSError) -> SQSBatchResult {
        struct Entry: Encodable { var Id: String, ReceiptHandle: String, VisibilityTimeout: Int }
        struct Request: Encodable { var QueueUrl: String, Entries: [Entry] }
        let request = Request(QueueUrl: queueUrl, Entries: entries.map { Entry(Id: $0.id, ReceiptHandle: $0.receiptHandle, VisibilityTimeout: $0.visibilityTimeout) })
        return try await call("ChangeMessageVisibilityBatch", request, SQSBatchResult.self)
    }

    func call<Response: Decodable>(
        _ operation: String, _ request: some Encodable, _ response: Response.Type, timeout: TimeAmount? = nil
    ) async throws(AWSError) -> Response {
        let body = try await client.awsJSON(.sqs, target: "AmazonSQS.\(operation)", json: AWSClient.encode(request), timeout: timeout)
        return try AWSClient.decode(Response.self, from: body, operation: operation)
    }
}
