import ArgumentParser
import Foundation
import HeraldAWS
import HeraldServer

/// Text message settings of `serve` and `worker`.
struct SMSOptions: ParsableArguments {
    @Option(help: """
        Text message provider: 'simulator' (delivered at once, offline) or 'sns' (Amazon SNS Publish; AWS settings as \
        for 'ses'). Default: $HERALD_SMS_PROVIDER, else simulator.
        """)
    var smsProvider = ProcessInfo.processInfo.environment["HERALD_SMS_PROVIDER"] ?? "simulator"

    @Option(help: "Calling code of phone numbers given in national form, e.g. 44 for 07700 900500 (default: $HERALD_SMS_HOME_COUNTRY_CODE, else 44).")
    var smsHomeCountryCode = ProcessInfo.processInfo.environment["HERALD_SMS_HOME_COUNTRY_CODE"] ?? "44"

    @Option(help: "SNS SMS type: Transactional or Promotional.")
    var smsType = "Transactional"

    @Option(help: "Alphanumeric sender id for SNS, where the destination country allows one (default: $HERALD_SMS_SENDER_ID).")
    var smsSenderId: String?

    @Option(help: "Number to send text messages from through SNS, in E.164 (default: $HERALD_SMS_ORIGINATION_NUMBER).")
    var smsOriginationNumber: String?

    func apply(to configuration: inout HeraldConfiguration) throws {
        guard let provider = SMSSettings.Provider(rawValue: smsProvider) else {
            throw ValidationError("unknown SMS provider '\(smsProvider)': use 'simulator' or 'sns'")
        }
        guard let kind = SMSMessage.Kind(rawValue: smsType) else { throw ValidationError("--sms-type must be Transactional or Promotional") }
        guard (1...3).contains(smsHomeCountryCode.count), smsHomeCountryCode.allSatisfy(\.isASCIIDigit) else {
            throw ValidationError("--sms-home-country-code takes a calling code of 1 to 3 digits, e.g. 44")
        }
        let environment = ProcessInfo.processInfo.environment
        configuration.sms = SMSSettings(
            provider: provider, homeCountryCode: smsHomeCountryCode, kind: kind,
            senderId: smsSenderId ?? environment["HERALD_SMS_SENDER_ID"],
            originationNumber: smsOriginationNumber ?? environment["HERALD_SMS_ORIGINATION_NUMBER"]
        )
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
