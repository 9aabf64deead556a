/// A complete MIME message for SES v2 `SendEmail` (`Content.Raw`), with the envelope and the SES options
/// Herald sets: configuration set (event publishing) and tags (copied into every event).
public struct RawEmail: Sendable, Equatable {
    /// `FromEmailAddress`; when nil SES takes the message's `From` header.
    public var from: String?
    public var to: [String]
    public var cc: [String]
    public var bcc: [String]
    /// The whole message, headers and body, as it will be delivered.
    public var message: [UInt8]
    public var configurationSetName: String?
    /// `EmailTags`, name and value each at most 256 characters of `A-Z a-z 0-9 _ -`.
    public var tags: [String: String]

    public init(
        from: String? = nil, to: [String], cc: [String] = [], bcc: [String] = [], message: [UInt8],
        configurationSetName: String? = nil, tags: [String: String] = [:]
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.message = message
        self.configurationSetName = configurationSetName
        self.tags = tags
    }
}
