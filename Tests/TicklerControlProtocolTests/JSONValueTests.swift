import Foundation
import Testing
import TicklerControlProtocol

@Suite("JSON output without Foundation")
struct JSONValueTests {
    @Test(arguments: [
        "plain", "Gửi thư chúc mừng Tết Xuân (春节)", "quote \" and backslash \\", "line\nbreak\ttab\r", "\u{01}\u{1F}",
        "slash / stays", "",
    ])
    func stringsRoundTripThroughAJSONParser(text: String) throws {
        let rendered = JSONValue.array([.string(text)]).rendered(pretty: false)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String])
        #expect(parsed == [text])
        #expect(!rendered.contains("\n"))
    }

    @Test func objectsKeepTheirKeyOrderAndNulls() throws {
        let value = JSONValue.object([
            ("id", .string("a")), ("next_due", .null), ("count", .integer(-3)), ("leap", .bool(true)),
            ("remind", .strings(["30d", "7d"])), ("empty", .array([])), ("nested", .object([("k", .string("v"))])),
        ])
        #expect(
            value.rendered(pretty: false)
                == #"{"id":"a","next_due":null,"count":-3,"leap":true,"remind":["30d","7d"],"empty":[],"nested":{"k":"v"}}"#
        )
        let pretty = value.rendered()
        #expect(pretty.hasPrefix("{\n  \"id\": \"a\",\n  \"next_due\": null,"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? [String: Any])
        #expect(parsed["remind"] as? [String] == ["30d", "7d"])
        #expect(parsed["next_due"] is NSNull)
    }
}
