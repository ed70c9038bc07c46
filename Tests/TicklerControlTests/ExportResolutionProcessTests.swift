import Foundation
import Testing
import TicklerControlProtocol
import TicklerTestKit

/// `ticklerctl export --ics` marks what people ended, from the running daemon's history (a fake daemon here).
@Suite("ticklerctl export marks acknowledged and skipped occurrences")
struct ExportResolutionProcessTests {
    /// Two obligations of the window: a renewal due 2027-03-01 08:00 +07 and an intake due 2027-04-01 08:00 +07.
    static let schedule = """
        [[obligation]]
        id = "renewal"
        title = "Gia hạn thỏa thuận lao động"
        once = "2027-03-01"
        timezone = "Asia/Ho_Chi_Minh"
        remind = ["7d", "1d"]

        [[obligation]]
        id = "intake"
        title = "Tiếp nhận học bổng"
        once = "2027-04-01"
        timezone = "Asia/Ho_Chi_Minh"
        remind = ["7d"]
        """

    /// Microseconds since 1970 of 2027-03-01T01:00:00Z and 2027-04-01T01:00:00Z.
    static let (renewalDue, intakeDue): (Int64, Int64) = (1_803_862_800_000_000, 1_806_541_200_000_000)

    /// 2027-02-20T03:04:05Z, when the renewal was acknowledged.
    static let acknowledgedAt: Int64 = 1_803_092_645_000_000

    /// A daemon whose history: the renewal acknowledged (after a reopened skip), the intake skipped.
    static func handler() -> FakeControlHandler {
        FakeControlHandler { request, _ in
            switch request {
            case .history(obligationID: "renewal"):
                .history([
                    HistoryEntry(at: acknowledgedAt - 2_000_000, due: renewalDue, event: "skipped", note: "?"),
                    HistoryEntry(at: acknowledgedAt - 1_000_000, due: renewalDue, event: "reopened"),
                    HistoryEntry(at: acknowledgedAt - 500_000, due: renewalDue, event: "reminder", stage: "remind-7d"),
                    HistoryEntry(at: acknowledgedAt, due: renewalDue, event: "acknowledged", user: "lan"),
                ])
            case .history(obligationID: "intake"):
                .history([HistoryEntry(at: acknowledgedAt, due: intakeDue, event: "skipped", note: "no intake")])
            default:
                .failure(ControlFailure(.invalidRequest, "unexpected request"))
            }
        }
    }

    /// The VEVENT of the calendar `text` whose UID starts with `id`, unfolded.
    static func event(_ id: String, in text: String) -> String? {
        let unfolded = text.replacing("\r\n ", with: "")
        return unfolded.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:\(id)/") }
    }

    @Test func acknowledgedAlarmsCarryAcknowledgedAndSkippedEventsAreCancelled() async throws {
        let harness = try ControlServerHarness(handler: Self.handler())
        defer { Task { await harness.stop() } }
        _ = try harness.directory.write(Self.schedule, to: "schedule.toml")
        let result = try await TicklerctlProcess.runAside(
            [
                "export", "--ics", "--config", harness.directory.path, "--after", "2027-01-01T00:00+07:00",
                "--socket", harness.socketPath,
            ],
            environment: ["SOURCE_DATE_EPOCH": "1767225600"]
        )
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty)
        let renewal = try #require(Self.event("renewal", in: result.output))
        #expect(renewal.components(separatedBy: "ACKNOWLEDGED:20270220T030405Z\r\n").count - 1 == 2)
        #expect(renewal.components(separatedBy: "BEGIN:VALARM").count - 1 == 2)
        #expect(renewal.contains("STATUS:CONFIRMED\r\n"))
        #expect(renewal.contains("Acknowledged: "))
        let intake = try #require(Self.event("intake", in: result.output))
        #expect(intake.contains("STATUS:CANCELLED\r\n"))
        #expect(!intake.contains("ACKNOWLEDGED"))
        let asked = harness.handler.handled.elements.map(\.request)
        #expect(Set(asked) == [.history(obligationID: "renewal"), .history(obligationID: "intake")])
    }

    @Test func withoutTheDaemonTheExportSaysSoAndMarksNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write(Self.schedule, to: "schedule.toml")
        let socket = directory.file("control.socket")
        let result = try await TicklerctlProcess.runAside(
            ["export", "--ics", "--config", directory.path, "--after", "2027-01-01T00:00+07:00", "--socket", socket],
            environment: ["SOURCE_DATE_EPOCH": "1767225600"]
        )
        #expect(result.status == 0)
        #expect(
            result.error
                == "ticklerctl: ticklerd is not running (no ticklerd listens on \(socket)); acknowledgements are "
                + "left out\n"
        )
        #expect(!result.output.contains("ACKNOWLEDGED"))
        #expect(!result.output.contains("STATUS:CANCELLED"))
    }
}
