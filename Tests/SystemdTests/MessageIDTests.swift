import Systemd
import Testing

@Suite struct MessageIDTests {
    @Test(arguments: [
        ("e6b96e6c4b04453280eecc44e0bb39aa", "e6b96e6c4b04453280eecc44e0bb39aa"),
        ("E6B96E6C4B04453280EECC44E0BB39AA", "e6b96e6c4b04453280eecc44e0bb39aa"),
        ("e6b96e6c-4b04-4532-80ee-cc44e0bb39aa", "e6b96e6c4b04453280eecc44e0bb39aa"),
    ])
    func parses(text: String, hex: String) throws {
        #expect(try MessageID(text).hex == hex)
    }

    @Test(arguments: [
        "", "e6b96e6c4b04453280eecc44e0bb39a", "e6b96e6c4b04453280eecc44e0bb39aa0", "g6b96e6c4b04453280eecc44e0bb39aa",
        "e6b96e6c4b04-453280eecc44e0bb39aa", "e6b96e6c 4b04453280eecc44e0bb39aa",
    ])
    func rejects(text: String) {
        #expect(throws: JournalError.invalidMessageID(text)) { try MessageID(text) }
    }
}
