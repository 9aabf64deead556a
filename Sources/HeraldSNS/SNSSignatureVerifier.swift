import Crypto
import _CryptoExtras
import Foundation
import SwiftASN1
import X509

/// Checks SNS signatures against one signing certificate's RSA public key: PKCS#1 v1.5 with SHA-1 for
/// `SignatureVersion` "1" and SHA-256 for "2".
public struct SNSSignatureVerifier: Sendable {
    let key: _RSA.Signing.PublicKey

    /// Reads the certificate SNS publishes at `SigningCertURL` (PEM).
    public init(certificatePEM: String) throws(SNSRejection) {
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
        } catch {
            throw SNSRejection(.invalidCertificate("not a PEM X.509 certificate"), messageId: nil)
        }
        guard let key = _RSA.Signing.PublicKey(certificate.publicKey) else {
            throw SNSRejection(.invalidCertificate("the certificate's key is not RSA"), messageId: nil)
        }
        self.key = key
    }

    /// Whether `message.signature` signs its string to sign under this key, with the hash its version names.
    public func isValid(_ message: SNSMessage) throws(SNSRejection) -> Bool {
        guard let signatureBytes = Data(base64Encoded: message.signature) else { return false }
        let signature = _RSA.Signing.RSASignature(rawRepresentation: signatureBytes)
        let signed = SNSStringToSign.bytes(for: message)
        switch message.signatureVersion {
        case "1":
            return key.isValidSignature(signature, for: Insecure.SHA1.hash(data: signed), padding: .insecurePKCS1v1_5)
        case "2":
            return key.isValidSignature(signature, for: SHA256.hash(data: signed), padding: .insecurePKCS1v1_5)
        default:
            throw SNSRejection(.unsupportedSignatureVersion(message.signatureVersion), messageId: message.messageId)
        }
    }
}
