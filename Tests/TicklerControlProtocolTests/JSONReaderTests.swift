import Foundation
import Testing
import TicklerControlProtocol
import TicklerTestKit

@Suite("JSONReader: RFC 8259 with integers, bounded")
struct JSONReaderTests {
    @Test(arguments: [
        (" true ", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null), ("0", .integer(0)),
        ("-0", .integer(0)), ("9223372036854775807", .integer(.max)), ("-9223372036854775808", .integer(.min)),
        (#""\"\\\/\b\f\n\r\t\u00e9\u0000""#, .string("\"\\/\u{08}\u{0C}\n\r\té\u{0}")),
        (#""\ud83d\ude00 ử""#, .string("😀 ử")), ("[ ]", .array([])), ("{ }", .object([])),
        (
            #"{"b":1,"a":[null,{"c":"d"}]}"#,
            .object([("b", .integer(1)), ("a", .array([.null, .object([("c", .string("d"))])]))])
        ),
    ])
    func readsValues(text: String, expected: JSONValue) throws {
        #expect(try JSONReader().read(text) == expected)
    }

    @Test(arguments: [
        "", " ", "tru", "nul", "01", "-", "--1", "1.0", "1e2", "9223372036854775808", "-9223372036854775809", "[1,]",
        "[1 2]", #"{"a"}"#, #"{"a":1,"a":2}"#, #"{1:2}"#, #""abc"#, #""\x""#, #""\u12g4""#, #""\ud800\u0041""#,
        "\"\u{1}\"",
        "[", "{", "1 1", "\u{FEFF}1",
    ])
    func refusesWithAnOffsetInsideTheText(text: String) {
        #expect(throws: JSONReadError.self) { try JSONReader().read(text) }
        do {
            _ = try JSONReader().read(text)
        } catch {
            #expect(error.offset >= 0 && error.offset <= text.utf8.count)
        }
    }

    @Test func whatItAcceptsFoundationAcceptsTheSame() throws {
        var generator = RandomWire(random: SeededRandom(seed: 0x150))
        var random = SeededRandom(seed: 0x151)
        for _ in 0..<2000 {
            var bytes = Array(generator.reply().line.utf8)
            if Bool.random(using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0x20...0x7E, using: &random)
            }
            guard let value = try? JSONReader(maximumBytes: 1 << 20).read(bytes) else { continue }
            let foundation = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            let ours = try JSONSerialization.jsonObject(
                with: Data(value.rendered(pretty: Bool.random(using: &random)).utf8),
                options: [.fragmentsAllowed]
            )
            #expect((foundation as? NSObject) == (ours as? NSObject))
        }
    }
}
