/// Text with Notify-style ((placeholders)): `((name))` and conditional `((name??text shown when yes))`.
///
/// Placeholders are found and filled the way GOV.UK Notify's `Field` does it, so templates
/// written for Notify render the same here:
///
/// ```swift
/// let body = TemplateText("Hello ((First name)), your visit is on ((day_of_week)).((urgent?? Please arrive early.))")
/// body.placeholders                      // ["First name", "day_of_week", "urgent"]
/// try body.render(["first_name": "Ada", "Day of week": "Monday", "urgent": "yes"])
/// // "Hello Ada, your visit is on Monday. Please arrive early."
/// ```
public struct TemplateText: Sendable, Hashable {
    /// The raw text, placeholders included.
    public let text: String
    private let segments: [TemplateSegment]

    public init(_ text: String) {
        self.text = text
        self.segments = TemplateSegment.parse(text)
    }

    /// Placeholder names in order of first appearance, de-duplicated by their normalised key, original spelling kept
    /// (for a conditional, the part before ??).
    public var placeholders: [String] {
        Self.placeholders(in: [self])
    }

    /// Fills every placeholder. Keys match ignoring case, spaces, `_` and `-` (so ((Day of week)) is filled by
    /// "day_of_week"). Extra keys are ignored.
    /// Conditional placeholders show their text when the value is yes/y/true/t/1/include/show (any case), else nothing.
    /// Throws MissingPersonalisation listing every placeholder (original spelling, in order) with no value.
    ///
    /// Values are inserted as they are: a value containing `((x))` is not expanded again.
    /// When several keys normalise to the same key, the one that sorts first wins.
    public func render(_ personalisation: [String: String]) throws(MissingPersonalisation) -> String {
        let missing = Self.missingPlaceholders(in: [self], personalisation: personalisation)
        guard missing.isEmpty else { throw MissingPersonalisation(names: missing) }
        let values = Self.valuesByKey(personalisation)
        var rendered = ""
        for segment in segments {
            switch segment {
            case .text(let literal):
                rendered += literal
            case .placeholder(let placeholder):
                rendered += values[placeholder.key].map(placeholder.replacement(for:)) ?? ""
            }
        }
        return rendered
    }

    /// Placeholder names across several texts (say an email's subject then its body), in order of
    /// first appearance and de-duplicated by normalised key, as Notify lists a template's placeholders.
    public static func placeholders(in texts: [TemplateText]) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for case .placeholder(let placeholder) in texts.flatMap(\.segments) {
            if seen.insert(placeholder.key).inserted {
                names.append(placeholder.name)
            }
        }
        return names
    }

    /// The placeholders across `texts` that `personalisation` has no value for, in the order of
    /// ``placeholders(in:)``: what Notify reports as "Missing personalisation: …" before sending.
    public static func missingPlaceholders(in texts: [TemplateText], personalisation: [String: String]) -> [String] {
        let keys = Set(personalisation.keys.map(TemplatePlaceholder.key(for:)))
        return placeholders(in: texts).filter { !keys.contains(TemplatePlaceholder.key(for: $0)) }
    }

    private static func valuesByKey(_ personalisation: [String: String]) -> [String: String] {
        var values: [String: String] = [:]
        for key in personalisation.keys.sorted() {
            let normalised = TemplatePlaceholder.key(for: key)
            if values[normalised] == nil {
                values[normalised] = personalisation[key]
            }
        }
        return values
    }
}
