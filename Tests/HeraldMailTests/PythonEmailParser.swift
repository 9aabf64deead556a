import Foundation
import HeraldTestSupport

/// Reads a rendered message back with Python's `email` package (policy `default`), an
/// independent RFC 5322/MIME parser, and reports what it found (bodies with LF line breaks).
struct PythonEmailParser {
    struct Result: Decodable {
        let subject: String
        let fromName: String
        let fromAddress: String
        let to: [String]
        let text: String
        let html: String?
        let contentType: String
        let defects: [String]
    }

    static let script = """
        import email, email.policy, json, sys
        with open(sys.argv[1], "rb") as f:
            msg = email.message_from_bytes(f.read(), policy=email.policy.default)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        sender = msg["From"].addresses[0]
        defects = [repr(d) for part in msg.walk() for d in part.defects]
        for name, value in msg.items():
            defects += [repr(d) for d in getattr(value, "defects", ())]
        print(json.dumps({
            "subject": str(msg["Subject"]),
            "fromName": sender.display_name,
            "fromAddress": sender.addr_spec,
            "to": [a.addr_spec for a in msg["To"].addresses],
            "text": text.get_content().replace("\\r\\n", "\\n"),
            "html": html.get_content().replace("\\r\\n", "\\n") if html is not None else None,
            "contentType": msg.get_content_type(),
            "defects": defects,
        }))
        """

    /// Whether `python3` is on the PATH (the `email` package is part of its standard library).
    static let isAvailable: Bool = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }

    static func parse(_ message: String) async throws -> Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("herald-\(UUID()).eml")
        try Data(message.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try await Subprocess.python(["-c", script, file.path])
        guard run.status == 0 else { throw ParseFailure(output: run.output + run.errors) }
        return try JSONDecoder().decode(Result.self, from: Data(run.output.utf8))
    }

    struct ParseFailure: Error {
        let output: String
    }
}
