import Foundation
import HeraldCore
import Testing

@Suite struct JSONParserTests {
    /// Every JSON file under ../shared/aws (SES events, SNS messages, AWS captures), read by both parsers.
    static let sharedJSONFiles: [URL] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../shared/aws").standardizedFileURL
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
        return files.sorted { $0.path < $1.path }
    }()

    @Test func findsTheSharedFixtures() {
        #expect(Self.sharedJSONFiles.count > 20)
    }

    @Test(arguments: sharedJSONFiles)
    func readsWhatJSONSerializationReads(file: URL) throws {
        let data = try Data(contentsOf: file)
        let expected = foundationValue(try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed))
        #expect(sortedKeys(try JSONValue(parsing: data)) == expected)
    }

    @Test(arguments: [
        (#"{"a":[1,-2,3.5,1e3,-0.25E-2,true,false,null,"x"]}"#, JSONValue.object([("a", .array([.int(1), .int(-2), .double(3.5), .double(1000), .double(-0.0025), .bool(true), .bool(false), .null, .string("x")]))])),
        (#" "\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00" "#, .string("\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{1F600}")),
        ("\"Zoë\"", .string("Zoë")),
        ("[]", .array([])),
        ("{}", .object([])),
        (#"{"k":1,"k":2}"#, .object([("k", .int(1)), ("k", .int(2))])),
        ("12345678901234567890", .largeInteger("12345678901234567890")),
        ("-12345678901234567890123", .largeInteger("-12345678901234567890123")),
    ])
    func parses(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(parsing: Data(text.utf8)) == expected)
    }

    @Test(arguments: ["", " ", "{", "[1,]", "{\"a\"}", "{\"a\":1,}", "01", "1.", "-", ".5", "1e", "tru", "nul", "\"abc", "\"a\u{1}b\"",
                      #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00x""#, "[1] 2", "{'a':1}", "NaN"])
    func rejects(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data([0x22, 0xFF, 0x22])) }
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data(deep.utf8)) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try JSONValue(parsing: Data(fine.utf8)) }
    }

    @Test func readsMembers() throws {
        let value = try JSONValue(parsing: Data(#"{"a":"x","b":[1],"a":"y"}"#.utf8))
        #expect(value["a"]?.stringValue == "y")
        #expect(value["b"]?.arrayValue == [.int(1)])
        #expect(value["c"] == nil)
    }

    /// What `JSONSerialization` decoded, as a `JSONValue` with object members sorted by key (its dictionaries have
    /// no order).
    private func foundationValue(_ value: Any) -> JSONValue {
        switch value {
        case let text as String: .string(text)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c": .bool(number.boolValue)
            case "d", "f": .double(number.doubleValue)
            default: Int(number.stringValue).map(JSONValue.int) ?? .largeInteger(number.stringValue)
            }
        case let items as [Any]: .array(items.map(foundationValue))
        case let members as [String: Any]: .object(members.sorted { $0.key < $1.key }.map { ($0.key, foundationValue($0.value)) })
        default: .null
        }
    }

    /// Object members sorted by key, as `foundationValue` builds them.
    private func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.sorted { $0.0 < $1.0 }.map { ($0.0, sortedKeys($0.1)) })
        case .array(let items): .array(items.map(sortedKeys))
        default: value
        }
    }
}

@Suite struct JSONValueWritingTests {
    @Test(arguments: ["plain", "quote \" and \\ backslash", "lines\nand\ttabs\r", "control \u{1} \u{1F}", "Zoë 😀", ""])
    func writtenStringsReadBackTheSame(text: String) throws {
        let value = JSONValue.object([("k", .string(text)), ("n", .array([.int(-3), .double(1.5), .bool(true), .null]))])
        let bytes = value.encoded()
        #expect(try JSONValue(parsing: Data(bytes)) == value)
        let foundation = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        #expect(foundation?["k"] as? String == text)
    }

    @Test func escapesControlCharactersAsUnicodeEscapes() {
        #expect(String(decoding: JSONValue.string("a\u{1}b\u{1F}").encoded(), as: UTF8.self) == #""a\u0001b\u001f""#)
    }
}
