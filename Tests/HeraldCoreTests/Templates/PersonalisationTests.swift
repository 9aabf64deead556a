import Foundation
import HeraldCore
import Testing

@Suite struct PersonalisationTests {
    private func values(_ json: String, lists: Personalisation.ListStyle = .markdownBullets) throws -> [String: String] {
        Personalisation.values(from: try JSONValue(parsing: Data(json.utf8)), lists: lists)
    }

    @Test func keepsStrings() throws {
        #expect(try values(#"{"name": "Zoë", "empty": "", "spaced": " a b "}"#) == ["name": "Zoë", "empty": "", "spaced": " a b "])
    }

    @Test func dropsNull() throws {
        #expect(try values(#"{"gone": null, "kept": "x"}"#) == ["kept": "x"])
    }

    @Test(arguments: [
        ("1", "1"), ("0", "0"), ("-0", "0"), ("-42", "-42"),
        ("1.5", "1.5"), ("1.0", "1.0"), ("-0.0", "-0.0"), ("1E2", "100.0"), ("0.1", "0.1"),
        ("1e16", "1e+16"), ("1e15", "1000000000000000.0"), ("0.0001", "0.0001"), ("0.00001", "1e-05"),
        ("1.5e30", "1.5e+30"), ("12345678901234567890", "12345678901234567890"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("0.1000000000000000000000001", "0.1"),
    ])
    func writesNumbersAsPythonDoes(json: String, expected: String) throws {
        #expect(try values(#"{"n": \#(json)}"#)["n"] == expected)
    }

    @Test func writesBooleansAsPythonDoes() throws {
        #expect(try values(#"{"yes": true, "no": false}"#) == ["yes": "True", "no": "False"])
    }

    @Test func writesListsAsMarkdownBulletsForEmailBodies() throws {
        let result = try values(#"{"items": ["tea", 2, true, null, "", " \u200b ", "  cake\u00a0 ", 1.5]}"#)
        #expect(result["items"] == "\n\n* tea\n* 2\n* True\n* cake\n* 1.5")
    }

    @Test func writesListsInlineForTextMessagesAndSubjects() throws {
        #expect(try values(#"{"a": ["tea", "cake", "jam"], "b": ["tea", "cake"], "c": ["tea"], "d": []}"#, lists: .inline)
            == ["a": "tea, cake and jam", "b": "tea and cake", "c": "tea", "d": ""])
    }

    @Test func emptyListIsAnEmptyValueNotAMissingOne() throws {
        #expect(try values(#"{"a": [], "b": [null, ""]}"#) == ["a": "", "b": ""])
    }

    @Test func writesNestedValuesAsPythonLiterals() throws {
        let result = try values(#"{"list": [["x", 1, null, false]], "object": {"b": "it's", "a": 1.0, "c": {"d": "say \"hi\"\n"}}}"#)
        #expect(result["list"] == "\n\n* ['x', 1, None, False]")
        #expect(result["object"] == #"{'b': "it's", 'a': 1.0, 'c': {'d': 'say "hi"\n'}}"#)
    }

    /// `json.loads` keeps a repeated key's last value, in the place where the key first appeared.
    @Test func repeatedKeysKeepTheLastValueAsPythonDoes() throws {
        #expect(try values(#"{"a": "x", "b": "y", "a": "z"}"#) == ["a": "z", "b": "y"])
        #expect(try values(#"{"a": "x", "a": null}"#) == [:])
        #expect(try values(#"{"o": {"k": 1, "j": 2, "k": 3}}"#)["o"] == "{'k': 3, 'j': 2}")
    }

    @Test func anythingButAnObjectGivesNoValues() throws {
        #expect(try values("[1, 2]").isEmpty)
    }

    @Test func feedsTemplateRenderingLikeNotify() throws {
        let text = TemplateText("You have ((count)) items((urgent?? – reply today)).((items))")
        let filled = try text.render(try values(#"{"Count": 3, "urgent": true, "items": ["tea", "cake"]}"#))
        #expect(filled == "You have 3 items – reply today.\n\n* tea\n* cake")
        #expect(throws: MissingPersonalisation(names: ["count"])) {
            try text.render(try values(#"{"count": null, "urgent": false, "items": []}"#))
        }
    }
}
