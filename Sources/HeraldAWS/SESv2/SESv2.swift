import Foundation

/// The Amazon SES API v2 calls Herald makes: send a raw message, read the sending quota, create an identity.
public struct SESv2: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// `SendEmail` with raw content; returns SES's `MessageId`, which its events quote as `mail.messageId`.
    public func sendEmail(_ email: RawEmail) async throws(AWSError) -> String {
        let request = SendEmailRequest(
            FromEmailAddress: email.from,
            Destination: .init(ToAddresses: email.to, CcAddresses: email.cc, BccAddresses: email.bcc),
            Content: .init(Raw: .init(Data: Data(email.message).base64EncodedString())),
            ConfigurationSetName: email.configurationSetName,
            EmailTags: email.tags.sorted { $0.key < $1.key }.map { .init(Name: $0.key, Value: $0.value) }
        )
        let body = try await client.restJSON(.sesv2, method: "POST", path: "/v2/email/outbound-emails", json: AWSClient.encode(request))
        return try AWSClient.decode(MessageIdResponse.self, from: body, operation: "SendEmail").MessageId
    }

    /// `GetAccount`'s send quota.
    public func getAccount() async throws(AWSError) -> SendQuota {
        let body = try await client.restJSON(.sesv2, method: "GET", path: "/v2/email/account")
        return try AWSClient.decode(GetAccountResponse.self, from: body, operation: "GetAccount").SendQuota
    }

    /// `CreateEmailIdentity` for an address or a domain.
    public func createEmailIdentity(_ identity: String) async throws(AWSError) -> EmailIdentity {
        let body = try await client.restJSON(.sesv2, method: "POST", path: "/v2/email/identities", json: AWSClient.encode(["EmailIdentity": identity]))
        return try AWSClient.decode(EmailIdentity.self, from: body, operation: "CreateEmailIdentity")
    }
}

// The wire shapes, named as in the SES v2 API.
private struct SendEmailRequest: Encodable {
    struct Addresses: Encodable { var ToAddresses, CcAddresses, BccAddresses: [String] }
    struct Body: Encodable { var Raw: RawBody }
    struct RawBody: Encodable { var Data: String }
    struct Tag: Encodable { var Name, Value: String }
    var FromEmailAddress: String?
    var Destination: Addresses
    var Content: Body
    var ConfigurationSetName: String?
    var EmailTags: [Tag]
}

private struct MessageIdResponse: Decodable { var MessageId: String }

private struct GetAccountResponse: Decodable { var SendQuota: SendQuota }
