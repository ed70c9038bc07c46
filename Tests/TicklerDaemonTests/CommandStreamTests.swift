import Testing
import TicklerControlProtocol
import TicklerTestKit

@testable import TicklerDaemon

/// The one command stream into the core: nothing posted is lost, whatever the order of posting and waiting.
@Suite("Command stream", .timeLimit(.minutes(1)))
struct CommandStreamTests {
    /// The generation of a deadline notice, or nil for any other command.
    static func generation(_ command: DaemonCommand) -> UInt64? {
        if case .deadlineReached(let generation) = command { generation } else { nil }
    }

    @Test func aCommandPostedBeforeTheWaitIsTakenAtOnce() async throws {
        let stream = CommandStream()
        #expect(stream.post(.deadlineReached(generation: 7)))
        #expect(Self.generation(try await stream.next()) == 7)
    }

    @Test func aCommandPostedWhileTheCoreWaitsWakesIt() async throws {
        let stream = CommandStream()
        let consumer = Task { try await stream.next() }
        // The consumer is parked by now: the post must hand the notice to it.
        for _ in 0..<100 { await Task.yield() }
        stream.post(.deadlineReached(generation: 3))
        #expect(Self.generation(try await consumer.value) == 3)
    }

    @Test(arguments: 0..<200) func postAndWaitRacingNeverLoseTheWakeUp(round: Int) async throws {
        let stream = CommandStream()
        async let taken = stream.next()
        for _ in 0..<(round % 7) { await Task.yield() }
        stream.post(.deadlineReached(generation: UInt64(round)))
        #expect(Self.generation(try await taken) == UInt64(round))
    }

    @Test func repeatedReloadAndDeadlineNoticesCoalesceButControlRequestsQueueInOrder() async throws {
        let stream = CommandStream()
        stream.post(.reloadRequested)
        stream.post(.reloadRequested)
        stream.post(.deadlineReached(generation: 1))
        stream.post(.deadlineReached(generation: 1))
        let first = Task { await stream.request { .control(.status, .testRoot, reply: $0) } }
        let second = Task { await stream.request { .control(.list, .testRoot, reply: $0) } }
        var kinds: [String] = []
        while kinds.count < 4 {
            switch try await stream.next() {
            case .reloadRequested: kinds.append("reload")
            case .deadlineReached: kinds.append("deadline")
            case .control(let request, _, let reply):
                kinds.append(request == .status ? "status" : "list")
                reply.resume(returning: .list([]))
            default: kinds.append("other")
            }
        }
        #expect(kinds.prefix(2) == ["reload", "deadline"])
        #expect(Set(kinds.suffix(2)) == ["status", "list"])
        #expect(await first.value == .list([]))
        #expect(await second.value == .list([]))
    }

    @Test func cancellingTheWaitingCoreResumesItWithCancellation() async throws {
        let stream = CommandStream()
        let consumer = Task { try await stream.next() }
        for _ in 0..<50 { await Task.yield() }
        consumer.cancel()
        await #expect(throws: CancellationError.self) { try await consumer.value }
        // The stream still works for a new consumer: the cancelled wait left nothing behind.
        stream.post(.reloadRequested)
        guard case .reloadRequested = try await stream.next() else {
            Issue.record("expected the reload request")
            return
        }
    }

    @Test func closingRefusesLaterRequestsAndAnswersQueuedOnes() async throws {
        let stream = CommandStream()
        let queued = Task { await stream.request { .control(.status, .testRoot, reply: $0) } }
        while !stream.hasQueued { await Task.yield() }
        stream.close()
        let late = await stream.request { .control(.status, .testRoot, reply: $0) }
        for reply in [await queued.value, late] {
            guard case .failure(let failure) = reply else {
                Issue.record("expected a refusal, got \(reply)")
                continue
            }
            #expect(failure.message.contains("stopping"))
        }
        await #expect(throws: CancellationError.self) { try await stream.next() }
    }
}
