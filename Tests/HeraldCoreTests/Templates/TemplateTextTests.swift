import HeraldCore
import Testing

@Suite struct TemplateTextTests {
    @Test func listsPlaceholdersInOrderOfFirstAppearance() {
        let text = TemplateText("Dear ((name)), on ((date)) at ((time)) see ((Name)) and ((DATE)).")
        #expect(text.placeholders == ["name", "date", "time"])
    }

    @Test func deduplicatesPlaceholdersByNormalisedKeyKeepingFirstSpelling() {
        let text = TemplateText("((Day of week)) ((day_of_week)) ((DAY-OF-WEEK)) ((dayofweek))")
        #expect(text.placeholders == ["Day of week"])
    }

    @Test func conditionalPlaceholderIsNamedByThePartBeforeQuestionMarks() {
        let text = TemplateText("((urgent??Please reply today.)) ((urgent))")
        #expect(text.placeholders == ["urgent"])
    }

    @Test func keepsSpacesInsidePlaceholderNames() {
        #expect(TemplateText("Hi (( first name ))").placeholders == [" first name "])
    }

    @Test func textWithoutPlaceholdersHasNone() throws {
        let text = TemplateText("No placeholders here (just brackets) and ) ( stray ones")
        #expect(text.placeholders.isEmpty)
        #expect(try text.render([:]) == text.text)
    }

    @Test(arguments: [
        ("Hello ((name", [String]()),
        ("Hello name))", []),
        ("((name) )", []),
        ("(())", []),
        ("((a(b))", []),
        ("((a)b))", []),
        ("(( ))", [" "]),
        ("(((name)))", ["name"]),
        ("((first))((second))", ["first", "second"]),
    ])
    func findsOnlyWellFormedPlaceholders(text: String, expected: [String]) {
        #expect(TemplateText(text).placeholders == expected)
    }

    @Test func unclosedPlaceholderIsLeftAsText() throws {
        let text = TemplateText("Hello ((name)), see ((details")
        #expect(try text.render(["name": "Ada"]) == "Hello Ada, see ((details")
    }

    @Test func bracketsAroundAPlaceholderStay() throws {
        #expect(try TemplateText("(((name)))").render(["name": "Ada"]) == "(Ada)")
    }

    @Test func fillsPlaceholdersInsideWords() throws {
        let text = TemplateText("ref-((code))-end\n((code))((code))")
        #expect(try text.render(["code": "X1"]) == "ref-X1-end\nX1X1")
    }

    @Test(arguments: ["day_of_week", "Day of week", "DAY-OF-WEEK", "dayofweek", "day of_week-"])
    func matchesKeysIgnoringCaseSpacesUnderscoresAndHyphens(key: String) throws {
        #expect(try TemplateText("See you on ((Day of week))").render([key: "Monday"]) == "See you on Monday")
    }

    @Test func fillsRepeatedPlaceholdersEverywhere() throws {
        let text = TemplateText("((name)), ((NAME)) and ((Name))")
        #expect(try text.render(["name": "Ada"]) == "Ada, Ada and Ada")
    }

    @Test func ignoresExtraKeys() throws {
        #expect(try TemplateText("Hi ((name))").render(["name": "Ada", "unused": "x"]) == "Hi Ada")
    }

    @Test func emptyValueCountsAsGiven() throws {
        #expect(try TemplateText("Hi ((name))!").render(["name": ""]) == "Hi !")
    }

    @Test func valuesAreNotExpandedAgain() throws {
        let text = TemplateText("((first)) ((second))")
        let rendered = try text.render(["first": "((second))", "second": "((first))"])
        #expect(rendered == "((second)) ((first))")
    }

    @Test func usesTheKeyThatSortsFirstWhenSeveralNormaliseAlike() throws {
        #expect(try TemplateText("((name))").render(["name": "b", "Name": "a", "NAME": "c"]) == "c")
    }

    @Test(arguments: ["yes", "YES", "y", "Y", "true", "True", "t", "T", "1", "include", "INCLUDE", "show", "Show"])
    func conditionalShowsItsTextForYesValues(value: String) throws {
        let text = TemplateText("Hello.((urgent?? Please reply today.))")
        #expect(try text.render(["urgent": value]) == "Hello. Please reply today.")
    }

    @Test(arguments: ["no", "false", "False", "0", "", "2", "1.0", "yes please", " yes", "n", "hide"])
    func conditionalHidesItsTextOtherwise(value: String) throws {
        let text = TemplateText("Hello.((urgent?? Please reply today.))")
        #expect(try text.render(["urgent": value]) == "Hello.")
    }

    @Test func conditionalTextKeepsLaterQuestionMarks() throws {
        let text = TemplateText("((a??really?? yes))|((b???maybe))")
        #expect(text.placeholders == ["a", "b"])
        #expect(try text.render(["a": "yes", "b": "y"]) == "really?? yes|?maybe")
    }

    @Test func conditionalMatchesKeysLooselyToo() throws {
        #expect(try TemplateText("((Has Car??Park at the back.))").render(["has_car": "Yes"]) == "Park at the back.")
    }

    @Test func missingPersonalisationListsEveryMissingPlaceholderInOrder() {
        let text = TemplateText("((zeta)) ((alpha)) ((known)) ((Zeta)) ((flag??x)) ((middle name))")
        #expect(throws: MissingPersonalisation(names: ["zeta", "alpha", "flag", "middle name"])) {
            try text.render(["KNOWN": "k"])
        }
    }

    @Test func missingPersonalisationHasNotifysMessage() {
        let error = MissingPersonalisation(names: ["name", "Day of week"])
        #expect(error.message == "Missing personalisation: name, Day of week")
    }

    @Test func combinesPlaceholdersOfSubjectAndBody() {
        let subject = TemplateText("Your ((Reference)) is ready")
        let body = TemplateText("Dear ((name)), your ((reference)) is ready. ((extra??More.))")
        #expect(TemplateText.placeholders(in: [subject, body]) == ["Reference", "name", "extra"])
        #expect(TemplateText.missingPlaceholders(in: [subject, body], values: TemplateValues(["NAME": "Ada"])) == ["Reference", "extra"])
        #expect(TemplateText.missingPlaceholders(in: [subject, body], values: TemplateValues(["name": "", "reference": "1", "extra": "no"])).isEmpty)
    }

    @Test func keepsUnicodeAroundPlaceholders() throws {
        let text = TemplateText("Zoë ((naïve)) 👋🏽((e\u{301}))")
        #expect(text.placeholders == ["naïve", "e\u{301}"])
        #expect(try text.render(["NAÏVE": "Ångström", "e\u{301}": "✓"]) == "Zoë Ångström 👋🏽✓")
    }

    @Test func equalTextsAreEqual() {
        #expect(TemplateText("((a))") == TemplateText("((a))"))
        #expect(TemplateText("((a))") != TemplateText("((b))"))
    }
}
