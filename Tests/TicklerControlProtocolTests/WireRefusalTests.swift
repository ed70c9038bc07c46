import Testing
import TicklerControlProtocol
import TicklerTestKit

@Suite("Control protocol: malformed, huge, deep and partial lines are refused, never a trap")
struct WireRefusalTests {
    /// The code a request line is refused with, nil when it is accepted.
    static func refusal(_ text: String) -> ControlFailure.Code? { refusal(Array(text.utf8)) }

    /// The code a request line of bytes is refused with, nil when it is accepted.
    static func refusal(_ bytes: [UInt8]) -> ControlFailure.Code? {
        do {
            _ = try ControlRequest(line: bytes)
            return nil
        } catch {
            return error.code
        }
    }

    @Test(arguments: [
        "", "\n", "null", "[]", "1", #""status""#, "{}", #"{"request":"status"}"#,
        #"{"version":"1","request":"status"}"#,
        #"{"version":1}"#, #"{"version":1,"request":"sleep"}"#, #"{"version":1,"request":"history"}"#,
        #"{"version":1,"request":"history","obligation":7}"#, #"{"version":1,"request":"upcoming","days":-1}"#,
        #"{"version":1,"request":"upcoming","days":1,"limit":-1}"#, #"{"version":1,"request":"upcoming","days":1.5}"#,
        #"{"version":1,"request":"upcoming","days":1e3}"#, #"{"version":1,"request":"upcoming","days":01}"#,
        #"{"version":1,"request":"upcoming","days":99999999999999999999}"#,
        #"{"version":1,"request":"change","command":{"action":"delete","obligation":"x"}}"#,
        #"{"version":1,"request":"change","command":{"action":"ack"}}"#, #"{"version":1,"request":"change"}"#,
        #"{"version":1,"version":1,"request":"status"}"#, #"{"version":1,"request":"status"} x"#,
        #"{"version":1,"request":"status"}{}"#, #"{"version":1,"request":"status",}"#,
        #"{"version":1 "request":"status"}"#,
        #"{"version":1,"request":"stat\us"}"#, #"{"version":1,"request":"\ud800"}"#,
        #"{"version":1,"request":"\udc00x"}"#,
        "{\"version\":1,\"request\":\"st\tatus\"}", #"{"version":1,"request":tru}"#, #"{'version':1}"#,
        "{\"version\":1,\"request\":\"status\"}\n{\"version\":1,\"request\":\"status\"}\n",
    ])
    func malformedLinesAreInvalidRequests(line: String) {
        #expect(Self.refusal(line) == .invalidRequest)
    }

    @Test func anotherVersionIsUnsupported() {
        #expect(Self.refusal(#"{"version":2,"request":"status"}"#) == .unsupportedVersion)
        #expect(Self.refusal(#"{"version":0}"#) == .unsupportedVersion)
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array(#"{"version":1,"request":"history","obligation":"ab"}"#.utf8)
        bytes[bytes.count - 4] = 0xC3
        #expect(Self.refusal(bytes) == .invalidRequest)
        bytes[bytes.count - 4] = 0xFF
        #expect(Self.refusal(bytes) == .invalidRequest)
    }

    @Test func aLineBeyondTheLimitIsRefusedAndOneAtItIsRead() {
        let prefix = #"{"version":1,"request":"history","obligation":""#
        let fill = ControlProtocol.maximumRequestBytes - prefix.utf8.count - 3
        let atLimit = prefix + String(repeating: "a", count: fill) + "\"}\n"
        #expect(atLimit.utf8.count == ControlProtocol.maximumRequestBytes)
        #expect(Self.refusal(atLimit) == nil)
        #expect(Self.refusal(prefix + String(repeating: "a", count: fill + 1) + "\"}\n") == .invalidRequest)
        #expect(Self.refusal(String(repeating: "[", count: 1 << 20)) == .invalidRequest)
    }

    @Test func nestingDeeperThanTheLimitIsRefusedWithoutRecursingFurther() {
        let depth = ControlProtocol.maximumDepth
        func nested(_ levels: Int) -> String {
            #"{"version":1,"request":"status","x":"# + String(repeating: "[", count: levels - 1)
                + String(repeating: "]", count: levels - 1) + "}"
        }
        #expect(Self.refusal(nested(depth)) == nil)
        #expect(Self.refusal(nested(depth + 1)) == .invalidRequest)
        #expect(Self.refusal(String(repeating: "[", count: 60_000)) == .invalidRequest)
    }

    @Test(arguments: WireRoundTripTests.requests)
    func everyPrefixOfALineIsRefused(request: ControlRequest) {
        let bytes = Array(request.line.utf8)
        for end in 0..<(bytes.count - 1) {
            #expect(Self.refusal(Array(bytes[..<end])) == .invalidRequest, "prefix of \(end) bytes")
        }
        #expect(Self.refusal(Array(bytes.dropLast())) == nil)
    }

    @Test func thousandsOfMutatedLinesGiveARequestOrARefusal() {
        var random = SeededRandom(seed: 0xF022)
        var generator = RandomWire(random: SeededRandom(seed: 0xF023))
        var refused = 0
        let cases = 20_000
        for _ in 0..<cases {
            var bytes = Array(generator.request().line.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(Array(#"{}[]",:\0e.-"#.utf8).randomElement(using: &random)!, at: index)
                default: bytes = Array(bytes[..<index])
                }
                if bytes.isEmpty { break }
            }
            switch Self.refusal(bytes) {
            case nil: break
            case .invalidRequest?, .unsupportedVersion?: refused += 1
            case let other?: Issue.record("refused as \(other)")
            }
        }
        // Most mutations break the line; some (a changed letter in a string) leave a valid request.
        #expect(refused > cases / 2 && refused < cases)
    }
}
