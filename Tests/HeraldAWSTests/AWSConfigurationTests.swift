import Foundation
import HeraldAWS
import Testing

@Suite("AWS configuration: credentials, region and endpoints as the SDKs resolve them")
struct AWSConfigurationTests {
    /// A temporary home with `~/.aws/credentials` and `~/.aws/config`.
    struct Home {
        let path: String

        init(credentials: String? = nil, config: String? = nil) throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("herald-aws-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: "\(path)/.aws", withIntermediateDirectories: true)
            try credentials?.write(toFile: "\(path)/.aws/credentials", atomically: true, encoding: .utf8)
            try config?.write(toFile: "\(path)/.aws/config", atomically: true, encoding: .utf8)
        }

        func environment(_ extra: [String: String] = [:]) -> [String: String] {
            extra.merging(["HOME": path]) { first, _ in first }
        }
    }

    static let credentialsFile = """
        # shared credentials
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = default-secret

        [mailer]
        aws_access_key_id=AKIDMAILER
        aws_secret_access_key=mailer-secret
        aws_session_token = mailer-token
        """

    static let configFile = """
        [default]
        region = eu-west-1
        ; a comment
        [profile mailer]
        region = eu-central-1
        endpoint_url = http://127.0.0.1:4566
        s3 =
          addressing_style = path
        [profile config-only]
        aws_access_key_id = AKIDCONFIG
        aws_secret_access_key = config-secret
        region = us-west-2
        """

    @Test func environmentVariablesWinOverTheProfile() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(environment: home.environment([
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
        ]))
        #expect(configuration.credentials == AWSCredentials(accessKeyId: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
        #expect(configuration.region == "eu-west-1")
    }

    @Test func defaultProfileComesFromTheSharedFiles() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(environment: home.environment())
        #expect(configuration.credentials == AWSCredentials(accessKeyId: "AKIDDEFAULT", secretAccessKey: "default-secret"))
        #expect(configuration.region == "eu-west-1")
        #expect(configuration.endpoint(for: .sesv2).absoluteString == "https://email.eu-west-1.amazonaws.com")
        #expect(configuration.endpoint(for: .sns).absoluteString == "https://sns.eu-west-1.amazonaws.com")
        #expect(configuration.endpoint(for: .sqs).absoluteString == "https://sqs.eu-west-1.amazonaws.com")
    }

    @Test func awsProfileSelectsANamedProfileInBothFiles() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(environment: home.environment(["AWS_PROFILE": "mailer"]))
        #expect(configuration.credentials == AWSCredentials(accessKeyId: "AKIDMAILER", secretAccessKey: "mailer-secret", sessionToken: "mailer-token"))
        #expect(configuration.region == "eu-central-1")
        #expect(configuration.endpoint(for: .sqs).absoluteString == "http://127.0.0.1:4566")
    }

    @Test func credentialsMayComeFromTheConfigFile() throws {
        let home = try Home(config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(environment: home.environment(["AWS_PROFILE": "config-only"]))
        #expect(configuration.credentials.accessKeyId == "AKIDCONFIG")
        #expect(configuration.region == "us-west-2")
    }

    @Test func fileLocationsCanBeOverridden() throws {
        let elsewhere = try Home(credentials: "[default]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = s\n", config: "[default]\nregion = ap-south-1\n")
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(environment: home.environment([
            "AWS_SHARED_CREDENTIALS_FILE": "\(elsewhere.path)/.aws/credentials", "AWS_CONFIG_FILE": "\(elsewhere.path)/.aws/config",
        ]))
        #expect(configuration.credentials.accessKeyId == "AKIDELSEWHERE")
        #expect(configuration.region == "ap-south-1")
    }

    @Test func regionPrefersAWSRegionThenAWSDefaultRegionThenProfile() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        #expect(try AWSConfiguration.resolve(environment: home.environment(["AWS_REGION": "us-east-2", "AWS_DEFAULT_REGION": "us-west-1"])).region == "us-east-2")
        #expect(try AWSConfiguration.resolve(environment: home.environment(["AWS_DEFAULT_REGION": "us-west-1"])).region == "us-west-1")
    }

    @Test func endpointPrefersServiceVariableThenGlobalVariableThenProfile() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let configuration = try AWSConfiguration.resolve(environment: home.environment([
            "AWS_PROFILE": "mailer", "AWS_ENDPOINT_URL_SES": "http://127.0.0.1:1001", "AWS_ENDPOINT_URL_SQS": "http://127.0.0.1:1003",
            "AWS_ENDPOINT_URL": "http://127.0.0.1:1000",
        ]))
        #expect(configuration.endpoint(for: .sesv2).absoluteString == "http://127.0.0.1:1001")
        #expect(configuration.endpoint(for: .sns).absoluteString == "http://127.0.0.1:1000")
        #expect(configuration.endpoint(for: .sqs).absoluteString == "http://127.0.0.1:1003")
        let sesv2 = try AWSConfiguration.resolve(environment: home.environment(["AWS_ENDPOINT_URL_SESV2": "http://127.0.0.1:1002", "AWS_ENDPOINT_URL_SES": "http://127.0.0.1:1001"]))
        #expect(sesv2.endpoint(for: .sesv2).absoluteString == "http://127.0.0.1:1002")
        #expect(sesv2.endpoint(for: .ses).absoluteString == "http://127.0.0.1:1001")
        #expect(sesv2.endpoint(for: .sts).absoluteString == "https://sts.eu-west-1.amazonaws.com")
    }

    @Test func missingOrWrongSettingsAreNamed() throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        #expect(throws: AWSConfigurationError.profileNotFound("nope")) {
            try AWSConfiguration.resolve(environment: home.environment(["AWS_PROFILE": "nope"]))
        }
        #expect(throws: AWSConfigurationError.invalidEndpoint(setting: "AWS_ENDPOINT_URL", value: "localhost:4566")) {
            try AWSConfiguration.resolve(environment: home.environment(["AWS_ENDPOINT_URL": "localhost:4566"]))
        }
        let empty = try Home()
        #expect(throws: AWSConfigurationError.missingCredentials(profile: "default")) {
            try AWSConfiguration.resolve(environment: empty.environment())
        }
        #expect(throws: AWSConfigurationError.missingRegion(profile: "default")) {
            try AWSConfiguration.resolve(environment: empty.environment(["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s"]))
        }
    }

    @Test func secretsNeverAppearInDescriptions() throws {
        let credentials = AWSCredentials(accessKeyId: "AKIDVISIBLE", secretAccessKey: "top-secret-key", sessionToken: "secret-session-token")
        var dumped = ""
        dump(credentials, to: &dumped)
        let configuration = AWSConfiguration(credentials: credentials, region: "eu-west-1")
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped, String(describing: configuration)] {
            #expect(text.contains("AKIDVISIBLE"))
            #expect(!text.contains("top-secret-key"))
            #expect(!text.contains("secret-session-token"))
        }
    }
}
