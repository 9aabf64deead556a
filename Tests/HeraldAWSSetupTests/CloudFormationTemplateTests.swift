import Foundation
import HeraldAWSSetup
import HeraldTestSupport
import Testing

/// `deploy/herald-aws.yaml`: it passes cfn-lint and creates what `herald setup aws` creates, under the same names.
@Suite("Setup: the CloudFormation template")
struct CloudFormationTemplateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let template = root.appendingPathComponent("deploy/herald-aws.yaml")

    /// cfn-lint must run when the test script asks for it (`scripts/test` installs it).
    static var cfnLintRequired: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["HERALD_TEST_REQUIRE_CFN_LINT"] == "1" || environment["HERALD_TEST_REQUIRE_MOTO"] == "1"
    }

    static var cfnLint: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("cfn-lint") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test func cfnLintFindsNothingWrong() async throws {
        guard let cfnLint = Self.cfnLint else {
            if Self.cfnLintRequired { Issue.record("cfn-lint is not on PATH (pip install cfn-lint)") }
            return
        }
        let lint = try await Subprocess.run(cfnLint, [Self.template.path])
        #expect(lint.status == 0, "cfn-lint \(Self.template.path):\n\(lint.output)\(lint.errors)")
        #expect(lint.output.isEmpty && lint.errors.isEmpty, "\(lint.output)\(lint.errors)")
    }

    @Test func templateNamesAndPublishesWhatTheCommandDoes() throws {
        let text = try String(contentsOf: Self.template, encoding: .utf8)
        let spec = try AWSSetupSpec(name: "NAME")
        for derived in [spec.eventDestination, spec.topic, spec.deadLetterQueue] {
            #expect(text.contains("!Sub \"\(derived.replacingOccurrences(of: "NAME", with: "${Name}"))\""), "\(derived)")
        }
        let eventTypes = text.split(separator: "\n").drop { !$0.contains("MatchingEventTypes:") }.dropFirst()
            .prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
            .map { $0.trimmingCharacters(in: .whitespaces).dropFirst(2) }
        #expect(eventTypes.map(String.init) == AWSSetupSpec.eventTypes)
        #expect(text.contains("RawMessageDelivery: true"))
        #expect(text.contains("maxReceiveCount: !Ref MaxReceiveCount") && text.contains("Default: 5"))

        // The same values as `herald setup aws --json`, in PascalCase (CloudFormation allows no `_` in an output's name).
        let outputs = "\n" + (try #require(text.components(separatedBy: "\nOutputs:\n").last))
        for key in HeraldCLISetupTests.jsonKeys {
            let pascal = key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(outputs.contains("\n  \(pascal):\n"), "no output \(pascal) for \(key)")
        }
    }
}
