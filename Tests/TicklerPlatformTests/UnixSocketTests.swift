import SystemPackage
import Testing
import TicklerPlatform
import TicklerTestKit

#if canImport(Glibc)
import Glibc
#endif

@Suite("Unix sockets and the user database")
struct UnixSocketTests {
    @Test func theUserDatabaseKnowsRootAndItsGroups() {
        #expect(UserDatabase.userName(of: 0) == "root")
        #expect(UserDatabase.userName(of: 4_000_123) == nil)
        #expect(UserDatabase.groupID(named: "root") == 0)
        #expect(UserDatabase.groupID(named: "tickler-test-no-such-group") == nil)
        #expect(UserDatabase.groups(ofUser: "root", primaryGroup: 0).contains(0))
    }

    @Test func connectingSaysWhyNobodyAnswers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: Errno.noSuchFileOrDirectory) {
            try UnixClient(connectingTo: directory.file("none.socket"), timeout: .seconds(1))
        }
        // A socket file left by a listener that is gone: refused, as for a daemon killed with SIGKILL.
        let path = try directory.staleSocket("stale.socket")
        #expect(throws: Errno.connectionRefused) { try UnixClient(connectingTo: path, timeout: .seconds(1)) }
        #expect(throws: Errno.fileNameTooLong) {
            try UnixClient(connectingTo: "/" + String(repeating: "x", count: 200), timeout: .seconds(1))
        }
    }

    @Test func aClientReceivesOneLineWithinItsLimitAndTimesOut() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let listener = try UnixListener(binding: directory.file("line.socket"))
        let client = try UnixClient(connectingTo: directory.file("line.socket"), timeout: .milliseconds(300))
        let connection = try #require(try await listener.accept())
        #expect(try connection.peerCredentials() == PeerCredentials(pid: getpid(), uid: getuid(), gid: getgid()))
        #expect(await connection.write(Array("first\nsecond".utf8), timeout: .seconds(1)))
        #expect(client.receiveLine(maximumBytes: 100) == .line(Array("first\n".utf8)))
        // No newline follows: the receive times out.
        #expect(client.receiveLine(maximumBytes: 100) == .timedOut)
        #expect(await connection.write(Array(repeating: UInt8(ascii: "y"), count: 50), timeout: .seconds(1)))
        #expect(client.receiveLine(maximumBytes: 20) == .tooLong)
        client.finishSending()
        #expect(await connection.readLine(maximumBytes: 10, timeout: .seconds(1)) == .ended([]))
    }
}
