extension ValidationMessage {
    /// Where a value sits in a request, for messages: `key` in a whole body (`field` empty), else `field.key`
    /// (`members[3].email_address`).
    static func path(_ field: String, _ key: String) -> String {
        field.isEmpty ? key : "\(field).\(key)"
    }
}
