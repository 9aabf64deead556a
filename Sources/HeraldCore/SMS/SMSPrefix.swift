/// Notify starts every text message with the service's name (`Bridge Club: Your code is 1234`), so recipients know
/// who wrote; the prefix counts towards the fragments billed but not towards the 918-character limit.
public enum SMSPrefix {
    public static func text(forServiceNamed name: String) -> String {
        "\(name): "
    }
}
