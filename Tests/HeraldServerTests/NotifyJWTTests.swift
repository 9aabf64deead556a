import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

@testable import HeraldServer

/// Tokens made by an independent implementation (Python's standard library, as PyJWT builds them for Notify's
/// Python client) are accepted; altered ones are not.
@Suite struct NotifyJWTTests {
    /// A Notify client's JWT for `key` (`{name}-{service id}-{secret}`), built by Python.
    private func pythonToken(forKey key: String, issuedAt: Int) async throws -> String {
        let script = """
            import base64, hmac, hashlib, json, sys
            key, iat = sys.argv[1], int(sys.argv[2])
            b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=")
            compact = lambda o: json.dumps(o, separators=(",", ":")).encode()  # as PyJWT writes them
            header = b64(compact({"typ": "JWT", "alg": "HS256"}))
            payload = b64(compact({"iss": key[-73:-37], "iat": iat}))
            signature = b64(hmac.new(key[-36:].encode(), header + b"." + payload, hashlib.sha256).digest())
            print((header + b"." + payload + b"." + signature).decode())
            """
        let run = try await Subprocess.python(["-c", script, key, String(issuedAt)])
        try #require(run.status == 0, "\(run.errors)")
        let token = run.output
        return token.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func acceptsWhatPythonSignsAndRefusesAlterations() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let fixture = try await ServiceFixture.create(in: store)
            let authenticator = Authenticator(store: store)
            let now = Date()
            let token = try await pythonToken(forKey: fixture.liveKey.keyString, issuedAt: Int(now.timeIntervalSince1970))
            #expect(token == ClientToken.bearer(forKey: fixture.liveKey.keyString, at: now)?.dropFirst(7).description)
            let accepted = try await authenticator.authenticate(authorization: "Bearer \(token)", now: now)
            #expect(accepted.key.id == fixture.liveKey.id)

            let parts = token.split(separator: ".").map(String.init)
            let flipped = parts[2].last == "A" ? "B" : "A"
            let altered = [
                "\(parts[0]).\(parts[1]).\(parts[2].dropLast())\(flipped)",  // signature changed
                "\(parts[0]).\(parts[1])x.\(parts[2])",  // payload changed
                "\(parts[0]).\(parts[1]).\(parts[2])=",  // padding is not base64url
                "\(parts[0]).\(parts[1])",  // no signature
            ]
            for token in altered {
                await #expect(throws: NotifyError.self) { try await authenticator.authenticate(authorization: "Bearer \(token)", now: now) }
            }
        }
    }

    @Test(arguments: ["", "f", "fo", "foo", "foob", "fooba", "foobar", "\u{FF}\u{FE}\u{FD}ü?>"])
    func base64URLRoundTripsAndMatchesFoundation(text: String) throws {
        let bytes = Array(text.utf8)
        let encoded = Base64URL.encode(bytes)
        let foundation = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        #expect(encoded == foundation)
        #expect(Base64URL.decode(Array(encoded.utf8)) == bytes)
    }

    @Test(arguments: ["a", "ab=c", "ab+c", "ab/c", "abcde"])
    func base64URLRefusesWhatIsNotBase64URL(text: String) {
        #expect(Base64URL.decode(Array(text.utf8)) == nil)
    }
}
