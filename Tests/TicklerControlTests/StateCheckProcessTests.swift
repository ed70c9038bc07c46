import Foundation
import Testing
import TicklerCalendar
import TicklerState

/// `ticklerctl state check` as a process (it runs `ticklerd --check-state` in its place).
@Suite(.enabled(if: TicklerctlProcess.executable != nil))
struct StateCheckProcessTests {
    /// A new directory under /tmp, with `state.sqlite` made by `make`.
    static func stateDirectory(_ make: (String) async throws -> Void) async throws -> String {
        let path = NSTemporaryDirectory() + "tickler-state-check-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try await make(path + "/state.sqlite")
        return path
    }

    @Test func aSoundStateIsReportedWithExitStatus0() async throws {
        let t0 = Instant(secondsSinceEpoch: 1_800_000_000)
        let directory = try await Self.stateDirectory { path in
            let store = try SQLiteStateStore(path: path)
            _ = try await store.recordFirstSeen(["a", "b"], at: t0)
            let key = EventKey(obligationID: "a", due: t0, stage: "due")
            try await store.record(fired: [FiredEvent(key: key, firedAt: t0)], checkpoint: t0)
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try TicklerctlProcess.run(["state", "check", "--state-dir", directory])
        #expect(result.status == 0)
        #expect(
            result.output == """
                state:      \(directory)/state.sqlite
                schema:     v3 (current)
                first seen: 2 obligations
                fired:      1 event
                checkpoint: 2027-01-15T08:00:00+00:00
                integrity:  ok
                result:     sound

                """
        )
        let json = try TicklerctlProcess.run(["state", "check", "--state-dir", directory, "--json"])
        #expect(json.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        )
        #expect(object["sound"] as? Bool == true)
        #expect(object["fired"] as? Int == 1)
        #expect(object["schema_version"] as? String == "v3")
        #expect(object["integrity"] as? [String] == ["ok"])
    }

    @Test func anEmptyStateIsAProblemWithHowToRecover() async throws {
        let directory = try await Self.stateDirectory { path in
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try TicklerctlProcess.run(["state", "check", "--state-dir", directory])
        #expect(result.status == 1)
        #expect(result.output.contains("problem:    empty: the file is empty (0 bytes)"))
        #expect(result.output.contains("ticklerd --reset-state --state-dir \(directory)"))
        let json = try TicklerctlProcess.run(["state", "check", "--state-dir", directory, "--json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["problem"] as? [String: Any])?["code"] as? String == "empty")
        #expect(object["sound"] as? Bool == false)
    }

    @Test func aMissingStateIsAProblem() throws {
        let result = try TicklerctlProcess.run(["state", "check", "--state-dir", "/nonexistent/tickler"])
        #expect(result.status == 1)
        #expect(result.output.contains("no state file"))
    }
}
