import Foundation
import HeraldCore

/// The Amazon SES API v2 calls Herald makes: send a raw message, read the sending quota, create an identity.
public struct SESv2: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// `SendEmail` with raw content; returns SES's `MessageId`, which its events quote as `mail.messageId`.
    /// The request is written with Herald's JSON writer: `JSONEncoder` was a tenth of the SES drain's CPU.
    public func sendEmail(_ email: RawEmail) async throws(AWSError) -> String {
        var request: [(String, JSONValue)] = []
        if let from = email.from { request.append(("FromEmailAddress", .string(from))) }
        request.append((
            "Destination",
            ["ToAddresses": .strings(email.to), "CcAddresses": .strings(email.cc), "BccAddresses": .strings(email.bcc)]
        ))
        request.append(("Content", ["Raw": ["Data": .string(Data(email.message).base64EncodedString())]]))
        if let set = email.configurationSetName { request.append(("ConfigurationSetName", .string(set))) }
        request.append(("EmailTags", .array(email.tags.sorted { $0.key < $1.key }.map { ["Name": .string($0.key), "Value": .string($0.value)] })))
        let body = try await client.restJSON(.sesv2, method: "POST", path: "/v2/email/outbound-emails", json: Data(JSONValue.object(request).encoded()))
        guard let messageId = (try? JSONValue(parsing: body))?["MessageId"]?.stringValue else {
            throw .invalidResponse("SendEmail", "no MessageId in \(String(decoding: body.prefix(200), as: UTF8.self))")
        }
        return messageId
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

private struct GetAccountResponse: Decodable { var SendQuota: SendQuota }
