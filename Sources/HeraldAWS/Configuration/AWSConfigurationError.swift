/// Why AWS credentials, region or endpoints could not be resolved from the environment and the shared files.
public enum AWSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No access key in the environment, nor in the profile's credentials or config.
    case missingCredentials(profile: String)
    /// `AWS_PROFILE` names a profile that neither file defines.
    case profileNotFound(String)
    /// No `AWS_REGION`, `AWS_DEFAULT_REGION` or profile `region`.
    case missingRegion(profile: String)
    /// An endpoint setting that is not an http(s) URL; the setting's name and value.
    case invalidEndpoint(setting: String, value: String)

    public var description: String {
        switch self {
        case .missingCredentials(let profile):
            "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or aws_access_key_id/aws_secret_access_key in profile '\(profile)'"
        case .profileNotFound(let profile):
            "AWS profile '\(profile)' is not defined in the shared credentials or config file"
        case .missingRegion(let profile):
            "no AWS region: set AWS_REGION or AWS_DEFAULT_REGION, or region in profile '\(profile)'"
        case .invalidEndpoint(let setting, let value):
            "\(setting) is not an http(s) URL: \(value)"
        }
    }
}
