/// Personalisation ready to fill templates: every key normalised once (ignoring case, spaces, `_` and `-`), so a
/// request's values fill its subject and its body without doing that work twice.
///
/// When several keys normalise to the same key, the one that sorts first wins, as in Notify.
public struct TemplateValues: Sendable {
    private var entries: [String: (key: String, value: String)] = [:]

    public init(_ personalisation: [String: String]) {
        entries.reserveCapacity(personalisation.count)
        for (key, value) in personalisation {
            let normalised = TemplatePlaceholder.key(for: key)
            if let existing = entries[normalised], existing.key < key { continue }
            entries[normalised] = (key, value)
        }
    }

    /// The value for a placeholder's normalised key.
    func value(for placeholder: TemplatePlaceholder) -> String? {
        entries[placeholder.key]?.value
    }
}
