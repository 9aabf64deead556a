/// The Amazon SES API v1 calls `herald setup aws` makes: a configuration set and its event destinations.
/// (Sending goes through `SESv2`; v1 and v2 configuration sets are the same resource.)
public struct SES: Sendable {
    public let client: AWSClient
    static let version = "2010-12-01"

    public init(client: AWSClient) {
        self.client = client
    }

    /// `DescribeConfigurationSet` with its event destinations, or nil when there is no such configuration set.
    public func eventDestinations(configurationSet name: String) async throws(AWSError) -> [SESEventDestination]? {
        let xml: String
        do throws(AWSError) {
            xml = try await call("DescribeConfigurationSet", [
                ("ConfigurationSetName", name), ("ConfigurationSetAttributeNames.member.1", "eventDestinations"),
            ])
        } catch where error.code == "ConfigurationSetDoesNotExist" {
            return nil
        }
        guard let list = XMLText.elements("EventDestinations", in: xml[...]).first else { return [] }
        return XMLText.elements("member", in: list).map(SESEventDestination.init(member:))
    }

    /// `CreateConfigurationSet`.
    public func createConfigurationSet(_ name: String) async throws(AWSError) {
        _ = try await call("CreateConfigurationSet", [("ConfigurationSet.Name", name)])
    }

    /// `CreateConfigurationSetEventDestination`.
    public func createEventDestination(_ destination: SESEventDestination, configurationSet name: String) async throws(AWSError) {
        _ = try await call("CreateConfigurationSetEventDestination", [("ConfigurationSetName", name)] + destination.parameters)
    }

    /// `UpdateConfigurationSetEventDestination`: replaces the destination of the same name.
    public func updateEventDestination(_ destination: SESEventDestination, configurationSet name: String) async throws(AWSError) {
        _ = try await call("UpdateConfigurationSetEventDestination", [("ConfigurationSetName", name)] + destination.parameters)
    }

    private func call(_ action: String, _ parameters: [(String, String)]) async throws(AWSError) -> String {
        try await client.awsQuery(.ses, action: action, version: Self.version, parameters: parameters)
    }
}
