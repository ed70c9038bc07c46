import Testing
import TicklerControlProtocol
import TicklerTestKit

@Suite("Control protocol: every request and reply round-trips through its line")
struct WireRoundTripTests {
    /// One of each request, with every optional present and absent.
    static let requests: [ControlRequest] = [
        .status, .list, .upcoming(days: 30, limit: nil, obligationID: nil),
        .upcoming(days: 0, limit: 5, obligationID: "tet-greetings"), .history(obligationID: "renewal"),
        .change(OccurrenceCommand(action: .acknowledge, obligationID: "renewal")),
        .change(
            OccurrenceCommand(
                action: .snooze,
                obligationID: "tết",
                due: "2027-01-28",
                snoozeFor: "2h",
                snoozeUntil: "2027-01-20T08:00",
                note: "đã gửi \"thư\"\n"
            )
        ),
        .change(OccurrenceCommand(action: .skip, obligationID: "x", note: "holiday")),
        .change(OccurrenceCommand(action: .reopen, obligationID: "x", due: "2027-01-28T08:00+07:00")),
    ]

    @Test(arguments: requests)
    func requestsRoundTrip(request: ControlRequest) throws {
        let line = request.line
        #expect(line.hasPrefix(#"{"version":1,"request":"#))
        #expect(line.last == "\n" && line.dropLast().allSatisfy { $0 != "\n" })
        #expect(try ControlRequest(line: Array(line.utf8)) == request)
        #expect(try ControlRequest(wire: request.wire) == request)
    }

    @Test func thousandsOfRandomRequestsAndRepliesRoundTrip() throws {
        var generator = RandomWire(random: SeededRandom(seed: 0x7EC1))
        for _ in 0..<3000 {
            let request = generator.request()
            #expect(try ControlRequest(line: Array(request.line.utf8)) == request, "\(request.line)")
            let reply = generator.reply()
            #expect(try ControlReply(line: Array(reply.line.utf8)) == reply, "\(reply.line)")
        }
    }

    @Test func theWireFormIsStable() {
        let request = ControlRequest.change(
            OccurrenceCommand(action: .acknowledge, obligationID: "renewal", due: "2027-01-28", note: "sent")
        )
        #expect(
            request.line
                == #"{"version":1,"request":"change","command":{"action":"ack","obligation":"renewal","due":"2027-01-28","snooze_for":null,"snooze_until":null,"note":"sent"}}"#
                + "\n"
        )
        let reply = ControlReply.failure(ControlFailure(.permissionDenied, "no"))
        #expect(
            reply.line == #"{"version":1,"reply":"failure","failure":{"code":"permission-denied","message":"no"}}"#
                + "\n"
        )
    }

    @Test func unknownKeysAreIgnoredAndNullEqualsAbsent() throws {
        let line = #"{"version":1,"request":"upcoming","days":7,"future":[1,{"x":null}],"obligation":null}"#
        #expect(try ControlRequest(line: Array(line.utf8)) == .upcoming(days: 7, limit: nil, obligationID: nil))
    }
}
