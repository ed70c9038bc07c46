import Testing
import TicklerState
import TicklerTestKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite struct StateDirectoryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let environment: [String: String]
        let commandLine: String?
        let path: String
        let origin: StateDirectory.Origin
        var testDescription: String { "\(origin.rawValue) → \(path)" }
    }

    static let cases: [Case] = [
        Case(
            environment: ["STATE_DIRECTORY": "/var/lib/tickler", "HOME": "/root"],
            commandLine: "/srv/x",
            path: "/var/lib/tickler",
            origin: .systemd
        ),
        Case(
            environment: ["STATE_DIRECTORY": "/var/lib/tickler:/var/lib/other"],
            commandLine: nil,
            path: "/var/lib/tickler",
            origin: .systemd
        ),
        Case(
            environment: ["XDG_STATE_HOME": "/home/a/.state", "HOME": "/home/a"],
            commandLine: "/srv/x",
            path: "/srv/x",
            origin: .commandLine
        ),
        Case(
            environment: ["XDG_STATE_HOME": "/home/a/.state", "HOME": "/home/a"],
            commandLine: nil,
            path: "/home/a/.state/tickler",
            origin: .xdgStateHome
        ),
        Case(
            environment: ["XDG_STATE_HOME": "relative/ignored", "HOME": "/home/a/"],
            commandLine: nil,
            path: "/home/a/.local/state/tickler",
            origin: .home
        ),
        Case(
            environment: ["STATE_DIRECTORY": "", "HOME": "/home/b"],
            commandLine: "",
            path: "/home/b/.local/state/tickler",
            origin: .home
        ),
    ]

    @Test("resolution order: $STATE_DIRECTORY, --state-dir, $XDG_STATE_HOME, ~/.local/state", arguments: cases)
    func resolution(_ example: Case) throws {
        let directory = try StateDirectory.resolve(commandLine: example.commandLine, environment: example.environment)
        #expect(directory.path == example.path)
        #expect(directory.origin == example.origin)
    }

    @Test func nothingToGoOnIsAClearError() {
        #expect(throws: StateError.self) { try StateDirectory.resolve(commandLine: nil, environment: [:]) }
    }

    @Test func createsMissingDirectoriesPrivately() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = StateDirectory(path: temporary.file("a/b/tickler"), origin: .commandLine)
        try directory.create()
        try directory.create()
        var status = stat()
        #expect(stat(directory.path, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFDIR)
        #expect(status.st_mode & 0o777 == 0o700)
    }

    @Test func aFileInTheWayIsNamed() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try temporary.write("x", to: "blocker")
        let directory = StateDirectory(path: temporary.file("blocker/tickler"), origin: .commandLine)
        let error = #expect(throws: StateError.self) { try directory.create() }
        #expect(error?.path == temporary.file("blocker"))
        #expect(error?.description.contains("not a directory") == true)
    }
}
