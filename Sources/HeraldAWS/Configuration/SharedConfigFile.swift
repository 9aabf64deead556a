/// The sections of an AWS shared credentials or config file (`~/.aws/credentials`, `~/.aws/config`): an INI
/// dialect with `[section]` headers, `key = value` lines and `#`/`;` comments. Indented lines (the nested
/// settings of a sub-section such as `s3 =`) are skipped: Herald needs none of them.
struct SharedConfigFile {
    /// Settings by section name as written between the brackets (`default`, `profile mailer`, `mailer`).
    private(set) var sections: [String: [String: String]] = [:]

    init(_ text: String) {
        var current: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            guard let first = rawLine.first, !first.isWhitespace else { continue }
            let line = rawLine.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).trimmingSpaces
                current = name
                if sections[name] == nil { sections[name] = [:] }
            } else if let section = current, let equals = line.firstIndex(of: "=") {
                let key = String(line[..<equals]).trimmingSpaces.lowercased()
                sections[section, default: [:]][key] = String(line[line.index(after: equals)...]).trimmingSpaces
            }
        }
    }

    /// A profile of a credentials file: its section is the bare profile name.
    func credentialsProfile(_ name: String) -> [String: String]? {
        sections[name]
    }

    /// A profile of a config file: `[profile name]`, or `[default]` for the default profile.
    func configProfile(_ name: String) -> [String: String]? {
        sections["profile \(name)"] ?? (name == "default" ? sections["default"] : nil)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
