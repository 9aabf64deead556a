/// The answer to an SQS batch call, which succeeds (HTTP 200) even when some entries fail.
public struct SQSBatchResult: Sendable, Equatable, Decodable {
    /// One entry SQS did not act on.
    public struct Failure: Sendable, Equatable, Decodable {
        public var id: String
        /// `ReceiptHandleIsInvalid`, …
        public var code: String
        public var message: String?
        /// True when the entry itself is wrong; false when SQS may succeed on a retry.
        public var senderFault: Bool

        enum CodingKeys: String, CodingKey {
            case id = "Id", code = "Code", message = "Message", senderFault = "SenderFault"
        }
    }

    /// The ids of the entries that succeeded.
    public var successful: [String]
    public var failed: [Failure]

    public init(successful: [String], failed: [Failure]) {
        self.successful = successful
        self.failed = failed
    }

    enum CodingKeys: String, CodingKey {
        case successful = "Successful", failed = "Failed"
    }

    private struct Entry: Decodable { var Id: String }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        successful = try container.decodeIfPresent([Entry].self, forKey: .successful)?.map(\.Id) ?? []
        failed = try container.decodeIfPresent([Failure].self, forKey: .failed) ?? []
    }
}
