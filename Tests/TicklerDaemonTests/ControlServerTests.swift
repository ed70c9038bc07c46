import Foundation
import SystemPackage
import Testing
import TicklerCalendar
import TicklerControlProtocol
import TicklerDaemon
import TicklerJournalSchema
import TicklerPlatform
import TicklerTestKit

@Suite("The control socket: authorisation first, bounded clients, one request line each")
struct ControlServerTests {
    @Test func answersARequestWithTheHandlersReplyAndTheKernelsCaller() async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        let command = OccurrenceCommand(action: .acknowledge, obligationID: "renewal", note: "sent")
        let reply = try await ControlTestClient.ask(.change(command), at: harness.socketPath)
        guard case .changed(let outcome) = reply else {
            Issue.record("unexpected reply \(reply)")
            return
        }
        #expect(outcome.to == .acknowledged)
        let handled = harness.handler.handled.elements
        #expect(handled.map(\.request) == [.change(command)])
        #expect(handled.first?.caller.uid == getuid())
        #expect(handled.first?.caller.pid == getpid())
    }

    @Test func aCallerWhoMayNotIsRefusedBeforeItSendsAnything() async throws {
        let harness = try ControlServerHarness(authorizer: ControlServerHarness.nobody)
        defer { Task { await harness.stop() } }
        let refusal = ControlReply.failure(ControlFailure(.permissionDenied, ControlProtocol.permissionDeniedMessage))
        // Nothing sent: the refusal comes from the credentials alone.
        #expect(try await ControlTestClient.exchange([], at: harness.socketPath).reply() == refusal)
        // A request sent anyway is never parsed nor handled.
        #expect(try await ControlTestClient.ask(.status, at: harness.socketPath) == refusal)
        #expect(harness.handler.handled.elements.isEmpty)
        #expect(
            ControlProtocol.permissionDeniedMessage
                == #"permission denied: acknowledging needs root or membership of group "tickler""#
        )
    }

    @Test(arguments: [
        "garbage\n", "{\"version\":1,\"request\":\"status\"\n", "{\"version\":9,\"request\":\"status\"}\n",
    ])
    func aMalformedRequestIsRefusedAndNotHandled(line: String) async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        guard
            case .failure(let failure) = try await ControlTestClient.exchange(Array(line.utf8), at: harness.socketPath)
                .reply()
        else {
            Issue.record("not refused")
            return
        }
        #expect(failure.code == (line.contains("9") ? .unsupportedVersion : .invalidRequest))
        #expect(harness.handler.handled.elements.isEmpty)
    }

    @Test func anOversizedRequestIsRefusedUnread() async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: ControlProtocol.maximumRequestBytes + 1)
        guard case .failure(let failure) = try await ControlTestClient.exchange(huge, at: harness.socketPath).reply()
        else {
            Issue.record("not refused")
            return
        }
        #expect(failure.code == .invalidRequest)
        #expect(failure.message.contains("longer than \(ControlProtocol.maximumRequestBytes) bytes"))
        #expect(harness.handler.handled.elements.isEmpty)
    }

    @Test func aRequestEndingWithoutItsNewlineIsRefused() async throws {
        let harness = try ControlServerHarness()
        defer { Task { await harness.stop() } }
        let partial = Array(ControlRequest.status.line.utf8.dropLast())
        let exchange = try await ControlTestClient.exchange(partial, at: harness.socketPath, finishing: true)
        guard case .failure(let failure) = try exchange.reply() else {
            Issue.record("not refused")
            return
        }
        #expect(failure.message.contains("ended before its newline"))
    }

    @Test func aSlowClientHoldsOnlyItsOwnPlaceAndIsCutOffAtTheReadTimeout() async throws {
        let limits = ControlServerLimits(maximumClients: 2, readTimeout: .seconds(2), writeTimeout: .seconds(2))
        let harness = try ControlServerHarness(limits: limits)
        defer { Task { await harness.stop() } }
        async let slow = ControlTestClient.exchange(Array(#"{"version":1,"#.utf8), at: harness.socketPath)
        try await Task.sleep(for: .milliseconds(200))
        // Another client is answered at once while the slow one dawdles.
        let quick = try await ControlTestClient.exchange(Array(ControlRequest.status.line.utf8), at: harness.socketPath)
        // Served while the slow client still holds its place (its read timeout of 2 s ends 1.8 s after this one began).
        #expect(quick.elapsed < .seconds(1.7))
        guard case .status = try quick.reply() else {
            Issue.record("unexpected reply \(quick.read)")
            return
        }
        // The slow one is cut off after the read timeout, with a refusal.
        let cut = try await slow
        guard case .failure(let failure) = try cut.reply() else {
            Issue.record("the slow client was not refused")
            return
        }
        #expect(failure.code == .invalidRequest && failure.message.contains("no complete request line"))
        // Not before the read timeout; and cut off, not served whenever it finishes (the bound is loose: a loaded
        // machine delays the timer, never brings it forward).
        #expect(cut.elapsed >= .seconds(1.9) && cut.elapsed < .seconds(30))
    }

    @Test func clientsBeyondTheLimitWaitTheirTurnAndAreServed() async throws {
        // The two places are held by requests whose answers wait for the test's word.
        let gate = Recorder<Bool>()
        let handler = FakeControlHandler { request, caller in
            if case .history = request { await gate.wait { !$0.isEmpty } }
            return await FakeControlHandler.canned(request, caller)
        }
        let limits = ControlServerLimits(maximumClients: 2, readTimeout: .seconds(20), writeTimeout: .seconds(20))
        let harness = try ControlServerHarness(handler: handler, limits: limits)
        defer { Task { await harness.stop() } }
        async let first = ControlTestClient.ask(.history(obligationID: "renewal"), at: harness.socketPath)
        async let second = ControlTestClient.ask(.history(obligationID: "renewal"), at: harness.socketPath)
        await harness.handler.handled.wait { $0.count == 2 }
        async let third = ControlTestClient.ask(.list, at: harness.socketPath)
        try await Task.sleep(for: .milliseconds(500))
        // The third waits in the socket's queue, unread, while both places are taken.
        #expect(harness.handler.handled.elements.map(\.request).allSatisfy { $0 == .history(obligationID: "renewal") })
        gate.append(true)
        guard case .list = try await third, case .history = try await first, case .history = try await second else {
            Issue.record("a client was not answered")
            return
        }
        #expect(harness.handler.handled.elements.count == 3)
    }

    @Test func aSlowHandlerDoesNotDelayOtherClients() async throws {
        let handler = FakeControlHandler { request, caller in
            if case .history = request { try? await Task.sleep(for: .seconds(2)) }
            return await FakeControlHandler.canned(request, caller)
        }
        let harness = try ControlServerHarness(handler: handler)
        defer { Task { await harness.stop() } }
        async let slow = ControlTestClient.ask(.history(obligationID: "renewal"), at: harness.socketPath)
        try await Task.sleep(for: .milliseconds(200))
        let quick = try await ControlTestClient.exchange(Array(ControlRequest.status.line.utf8), at: harness.socketPath)
        // Served while the slow client still holds its place (its read timeout of 2 s ends 1.8 s after this one began).
        #expect(quick.elapsed < .seconds(1.7))
        guard case .history(let entries) = try await slow else {
            Issue.record("no history")
            return
        }
        #expect(entries.count == 1)
    }

    @Test func clientsThatStallEveryPlaceDoNotHoldUpTheFiringLoop() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let daemon = await DaemonHarness.started([Fixtures.greeting], at: Fixtures.start, state: state)
        let socket = try ControlServerHarness(serving: daemon.control)
        defer { Task { await socket.stop() } }
        // Every place taken: half of the clients send nothing, half half a request.
        var stalled: [UnixClient] = []
        for index in 0..<ControlServerLimits().maximumClients {
            let client = try await ControlTestClient.silent(socket.socketPath)
            if index.isMultiple(of: 2) { try client.send(Array(#"{"version":1,"request":"#.utf8)) }
            stalled.append(client)
        }
        let reminder = Fixtures.greetingDue.adding(seconds: -7 * Fixtures.day)
        await daemon.advance(to: reminder)
        #expect(daemon.sink.firings.map(\.kind) == [.reminder])
        try await daemon.stop()
        _ = stalled
    }

    @Test func theSystemAuthorizerAdmitsRootAndRefusesAnOutsider() {
        let root = ControlAuthorizer.system().caller(for: PeerCredentials(pid: 1, uid: 0, gid: 0))
        #expect(root.isAuthorized && root.userName == "root")
        let outsider = ControlAuthorizer.system(group: "tickler-test-no-such-group")
            .caller(for: PeerCredentials(pid: 2, uid: 65_534, gid: 65_534))
        #expect(!outsider.isAuthorized)
        let unnamed = ControlAuthorizer.system().caller(for: PeerCredentials(pid: 3, uid: 4_000_123, gid: 4_000_123))
        #expect(!unnamed.isAuthorized && unnamed.userName == "4000123")
        // Membership through the primary group is enough.
        let members = ControlAuthorizer.system(group: "root").caller(for: PeerCredentials(pid: 4, uid: 65_534, gid: 0))
        #expect(members.isAuthorized)
    }

    @Test func aBoundSocketIsMode0660AndReplacesAStaleOneButNotAFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("run/control.socket")
        do {
            let first = try UnixListener(binding: path)
            var status = stat()
            #expect(lstat(path, &status) == 0 && status.st_mode & 0o777 == 0o660)
            _ = first
        }
        // The listener's socket file is removed when it goes.
        #expect(access(path, F_OK) != 0)
        // A socket someone listens on is not taken over.
        let live = try UnixListener(binding: path)
        #expect(throws: Errno.addressInUse) { try UnixListener(binding: path) }
        // One left by a daemon killed with SIGKILL (bound, nobody listening) is replaced.
        _ = live
        let stalePath = try directory.staleSocket("run/stale.socket")
        let replacing = try UnixListener(binding: stalePath)
        #expect(try ControlTestClient.canConnect(stalePath))
        _ = replacing
        try directory.write("not a socket", to: "run/file")
        #expect(throws: (any Error).self) { try UnixListener(binding: directory.file("run/file")) }
    }
}
