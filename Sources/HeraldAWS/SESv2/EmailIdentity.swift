/// What SES v2 `CreateEmailIdentity` says about a new identity.
public struct EmailIdentity: Sendable, Equatable, Decodable {
    /// `EMAIL_ADDRESS`, `DOMAIN` or `MANAGED_DOMAIN`.
    public var identityType: String
    /// Whether mail may be sent from it yet (an address must first be confirmed by its owner).
    public var verifiedForSendingStatus: Bool

    enum CodingKeys: String, CodingKey {
        case identityType = "IdentityType"
        case verifiedForSendingStatus = "VerifiedForSendingStatus"
    }
}
