/// One signed request: the headers to add to it (or, when presigned, the URL to use) and the strings the
/// signature was computed from, which tests compare and which help when AWS answers `SignatureDoesNotMatch`.
public struct SigV4Signature: Sendable {
    public var canonicalRequest: String
    public var stringToSign: String
    /// Lower-case hex HMAC-SHA256 of `stringToSign`.
    public var signature: String
    /// The headers to add, in order: `X-Amz-Date`, `X-Amz-Security-Token` (temporary credentials),
    /// `X-Amz-Content-Sha256` (when asked for) and `Authorization`. Empty for a presigned URL.
    public var headers: [(name: String, value: String)]
}
