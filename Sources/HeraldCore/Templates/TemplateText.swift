/// Text with Notify-style ((placeholders)): `((name))` and conditional `((name??text shown when yes))`.
///
/// Placeholders are found and filled the way GOV.UK Notify's `Field` does it, so templates
/// written for Notify render the same here. Parse a template once and render it many times:
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

    /// Whether any of `texts` has a placeholder that the personalisation key `key` fills (ignoring case, spaces,
    /// `_` and `-`).
    public static func anyUses(_ key: String, in texts: [TemplateText]) -> Bool {
        let wanted = TemplatePlaceholder.key(for: key)
        return placeholders(in: texts).contains { TemplatePlaceholder.key(for: $0) == wanted }
    }

    /// Fills every placeholder. Keys match ignoring case, spaces, `_` and `-` (so ((Day of week)) is filled by
    /// "day_of_week"). Extra keys are ignored.
    /// Conditional placeholders show their text when the value is yes/y/true/t/1/include/show (any case), else nothing.
    /// Throws MissingPersonalisation listing every placeholder (original spelling, in order) with no value.
    ///
    /// Values are inserted as they are: a value containing `((x))` is not expanded again.
    public func render(_ values: TemplateValues) throws(MissingPersonalisation) -> String {
        var rendered = ""
        rendered.reserveCapacity(text.utf8.count + 64)
        for segment in segments {
            switch segment {
            case .text(let literal):
                rendered += literal
            case .placeholder(let placeholder):
                guard let value = values.value(for: placeholder) else {
                    throw MissingPersonalisation(names: Self.missingPlaceholders(in: [self], values: values))
                }
                rendered += placeholder.replacement(for: value)
            }
        }
        return rendered
    }

    /// ``render(_:)-(TemplateValues)`` for values not yet normalised.
    public func render(_ personalisation: [String: String]) throws(MissingPersonalisation) -> String {
        try render(TemplateValues(personalisation))
    }

    /// Placeholder names across several texts (say an email's subject then its body), in order of
    /// first appearance and de-duplicated by normalised key, as Notify lists a template's placeholders.
    public static func placeholders(in texts: [TemplateText]) -> [String] {
        uniquePlaceholders(in: texts).map(\.name)
    }

    /// The placeholders across `texts` that `values` has no value for, in the order of
    /// ``placeholders(in:)``: what Notify reports as "Missing personalisation: …" before sending.
    public static func missingPlaceholders(in texts: [TemplateText], values: TemplateValues) -> [String] {
        uniquePlaceholders(in: texts).filter { values.value(for: $0) == nil }.map(\.name)
    }

    private static func uniquePlaceholders(in texts: [TemplateText]) -> [TemplatePlaceholder] {
        var seen: Set<String> = []
        var unique: [TemplatePlaceholder] = []
        for case .placeholder(let placeholder) in texts.flatMap(\.segments) where seen.insert(placeholder.key).inserted {
            unique.append(placeholder)
        }
        return unique
    }
}
