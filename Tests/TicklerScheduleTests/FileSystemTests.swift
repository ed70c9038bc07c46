import Testing
import TicklerTestKit

@testable import TicklerSchedule

/// ``FileSystem/contents(of:)``: a schedule file read whole, straight into its buffer, whatever its size, and a file
/// whose size `fstat` does not tell.
@Suite("FileSystem.contents")
struct FileSystemTests {
    @Test(arguments: [0, 1, 4095, 65_536, 65_537, 300_001])
    func aFileIsReadWhole(size: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let path = try directory.write(bytes: bytes, to: "schedule.toml")
        #expect(try FileSystem.contents(of: path) == bytes)
    }

    /// A file of the kernel's: `fstat` says 0 bytes, and the bytes are there.
    @Test func aFileLargerThanItsSizeIsReadOn() throws {
        let bytes = try FileSystem.contents(of: "/proc/self/status")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nVmPeak:") || text.contains("\nPid:"))
        #expect(bytes.count > 200)
    }
}
