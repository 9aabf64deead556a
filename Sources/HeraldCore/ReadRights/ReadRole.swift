/// The rules for the names read rights are made of: role names (`club-123-admins`) and batch ids.
public enum ReadRole {
    /// The role a service's email admins hold until the service chooses another.
    public static let defaultAdminRole = "email-admin"
    /// The longest role name or batch id, in UTF-8 bytes.
    public static let maximumLength = 255

    /// Why `name` cannot be a batch id, or nil when it can: 1 to 255 bytes.
    public static func batchIdProblem(_ name: String) -> String? {
        name.isEmpty || name.utf8.count > maximumLength ? "must be 1 to \(maximumLength) characters long" : nil
    }

    /// Why `name` cannot be a role name, or nil when it can: 1 to 255 bytes, no comma (roles travel as a
    /// comma-separated header), no leading or trailing whitespace.
    public static func roleProblem(_ name: String) -> String? {
        if let problem = batchIdProblem(name) { return problem }
        if name.contains(",") { return "must not contain a comma" }
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true { return "must not start or end with whitespace" }
        return nil
    }
}
