import SystemPackage
import Testing
import TicklerPlatform
import TicklerTestKit

/// ``RegularFile/read(_:limit:)``: the one reader of whole files says why it did not read one.
@Suite("RegularFile")
struct RegularFileTests {
    @Test func eachRefusalSaysWhy() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("0123456789", to: "ten")
        #expect(try RegularFile.read(file, limit: 10) == Array("0123456789".utf8))
        #expect(throws: RegularFile.Failure.tooLarge) { try RegularFile.read(file, limit: 9) }
        #expect(throws: RegularFile.Failure.notRegular("a directory")) {
            try RegularFile.read(directory.path, limit: 9)
        }
        #expect(throws: RegularFile.Failure.notRegular("a character device")) {
            try RegularFile.read("/dev/zero", limit: 1 << 20)
        }
        #expect(throws: RegularFile.Failure.system(.noSuchFileOrDirectory)) {
            try RegularFile.read(directory.file("missing"), limit: 9)
        }
        #expect(RegularFile.contents(of: directory.file("missing"), limit: 9) == nil)
    }
}
