import Systemd
import Testing

@Suite struct JournalFieldNameTests {
    @Test(arguments: ["MESSAGE", "TICKLER_OBLIGATION", "CODE_LINE", "A", "X9_", String(repeating: "A", count: 64)])
    func acceptsValidNames(name: String) throws {
        #expect(try JournalFieldName(name).rawValue == name)
    }

    @Test(arguments: [
        ("", "empty"),
        ("_PID", "underscore"),
        ("9LIVES", "digit"),
        ("tickler", "only A-Z"),
        ("TICKLER.OBLIGATION", "only A-Z"),
        ("TICKLER-DUE", "only A-Z"),
        ("ĐẾN_HẠN", "only A-Z"),
        (String(repeating: "A", count: 65), "longer than 64"),
    ])
    func rejectsInvalidNamesSayingWhy(name: String, reason: String) {
        #expect {
            try JournalFieldName(name)
        } throws: { error in
            let description = String(describing: error)
            return description.contains("\"\(name)\"") && description.contains(reason)
        }
    }

    @Test(arguments: [
        ("tickler.obligation", "TICKLER_OBLIGATION"),
        ("obligation", "OBLIGATION"),
        ("TICKLER_EVENT", "TICKLER_EVENT"),
        ("due-at", "DUE_AT"),
        ("_pid", "PID"),
        ("__x", "X"),
        ("2fa", "F_2FA"),
        ("hạn chót", "H_N_CH_T"),
        (String(repeating: "a", count: 70), String(repeating: "A", count: 64)),
    ])
    func normalisesMetadataKeys(key: String, expected: String) {
        #expect(JournalFieldName(normalizing: key)?.rawValue == expected)
    }

    @Test(arguments: ["", "_", "___"])
    func keysWithNothingUsableGiveNoName(key: String) {
        #expect(JournalFieldName(normalizing: key) == nil)
    }
}
