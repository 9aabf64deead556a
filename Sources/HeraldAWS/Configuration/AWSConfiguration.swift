import Foundation

/// Where and as whom Herald calls AWS: credentials, region and one endpoint per service, resolved the way
/// the AWS SDKs and CLI resolve them (see `resolve(environment:)`).
public struct AWSConfiguration: Sendable, CustomStringConvertible {
    public var credentials: AWSCredentials
    public var region: String
    /// Endpoints that replace the default `https://<host>.<region>.amazonaws.com` of a service.
    public var endpointOverrides: [AWSService: URL]

    public init(credentials: AWSCredentials, region: String, endpointOverrides: [AWSService: URL] = [:]) {
        self.credentials = credentials
        self.region = region
        self.endpointOverrides = endpointOverrides
    }

    /// The base URL requests to `service` go to.
    public func endpoint(for service: AWSService) -> URL {
        endpointOverrides[service] ?? URL(string: service.defaultEndpoint(region: region))!
    }

    public var description: String {
        "AWSConfiguration(region: \(region), credentials: \(credentials), endpointOverrides: \(endpointOverrides.mapValues(\.absoluteString)))"
    }

    /// Resolves the configuration from `environment` (pass `ProcessInfo.processInfo.environment` in production)
    /// and the shared files it points to:
    /// - credentials: `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`); else the profile
    ///   named by `AWS_PROFILE` (default `default`) in the credentials file (`[name]`), then in the config file
    ///   (`[profile name]`, `[default]`);
    /// - region: `AWS_REGION`, `AWS_DEFAULT_REGION`, else the profile's `region` in the config file;
    /// - endpoints: `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the profile's `endpoint_url`.
    ///
    /// The files are `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`, by default `~/.aws/credentials` and
    /// `~/.aws/config` under `HOME`; a missing file counts as empty.
    public static func resolve(environment: [String: String]) throws(AWSConfigurationError) -> AWSConfiguration {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentialsFile = read(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials")
        let configFile = read(environment["AWS_CONFIG_FILE"] ?? "\(home)/.aws/config")
        let profileName = nonEmpty(environment["AWS_PROFILE"]) ?? "default"
        let fromCredentials = credentialsFile.credentialsProfile(profileName)
        let fromConfig = configFile.configProfile(profileName)
        if environment["AWS_PROFILE"] != nil, fromCredentials == nil, fromConfig == nil {
            throw .profileNotFound(profileName)
        }

        let credentials: AWSCredentials
        if let key = nonEmpty(environment["AWS_ACCESS_KEY_ID"]), let secret = nonEmpty(environment["AWS_SECRET_ACCESS_KEY"]) {
            credentials = AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: nonEmpty(environment["AWS_SESSION_TOKEN"]))
        } else if let fromFile = [fromCredentials, fromConfig].lazy.compactMap({ $0.flatMap(Self.credentials(in:)) }).first {
            credentials = fromFile
        } else {
            throw .missingCredentials(profile: profileName)
        }

        guard let region = nonEmpty(environment["AWS_REGION"]) ?? nonEmpty(environment["AWS_DEFAULT_REGION"]) ?? nonEmpty(fromConfig?["region"]) else {
            throw .missingRegion(profile: profileName)
        }

        var overrides: [AWSService: URL] = [:]
        for service in AWSService.allCases {
            let settings = service.endpointVariables.map { ($0, environment[$0]) }
                + [("AWS_ENDPOINT_URL", environment["AWS_ENDPOINT_URL"]), ("endpoint_url in profile '\(profileName)'", fromConfig?["endpoint_url"])]
            guard let match = settings.first(where: { nonEmpty($0.1) != nil }), let value = match.1 else { continue }
            guard let url = URL(string: value), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw .invalidEndpoint(setting: match.0, value: value)
            }
            overrides[service] = url
        }
        return AWSConfiguration(credentials: credentials, region: region, endpointOverrides: overrides)
    }

    private static func credentials(in profile: [String: String]) -> AWSCredentials? {
        guard let key = nonEmpty(profile["aws_access_key_id"]), let secret = nonEmpty(profile["aws_secret_access_key"]) else { return nil }
        return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: nonEmpty(profile["aws_session_token"]))
    }

    private static func read(_ path: String) -> SharedConfigFile {
        SharedConfigFile((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
