import Foundation
import Testing

@testable import TicklerControl

/// Control characters in free text are shown escaped on the terminal and kept exactly in JSON (issue 8, point 7).
@Suite("Escaping control characters for the terminal")
struct TerminalEscapingTests {
    @Test(
        "control characters are written as \\u{XX}",
        arguments: [
            ("plain Gia hạn 百色市", "plain Gia hạn 百色市"),
            ("\u{1B}[31mred\u{1B}[0m", "\\u{1B}[31mred\\u{1B}[0m"),
            ("a\tb\nc\r\u{0}", "a\\u{9}b\\u{A}c\\u{D}\\u{0}"),
            ("del\u{7F} csi\u{9B}2J nel\u{85}", "del\\u{7F} csi\\u{9B}2J nel\\u{85}"),
            ("\u{202E}evil\u{2066}x\u{2069}\u{200F}\u{61C}", "\\u{202E}evil\\u{2066}x\\u{2069}\\u{200F}\\u{61C}"),
            ("line\u{2028}para\u{2029}", "line\\u{2028}para\\u{2029}"),
            ("back\\slash", "back\\slash"),
            // A combining mark and a zero-width joiner are text, not controls.
            ("e\u{301} 👩\u{200D}💻", "e\u{301} 👩\u{200D}💻"),
        ]
    )
    func escapes(text: String, shown: String) {
        #expect(Terminal.escaped(text) == shown)
    }

    @Test("every C0, DEL and C1 code point is escaped, and nothing printable")
    func allControls() {
        for value in UInt32(0)...0x2FF {
            let scalar = Unicode.Scalar(value)!
            let shown = Terminal.escaped(String(Character(scalar)))
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            #expect(
                shown == (control ? "\\u{\(String(value, radix: 16, uppercase: true))}" : String(Character(scalar)))
            )
        }
    }

    @Test("tables escape their cells and align what they show")
    func tableAlignment() {
        var table = TextTable(headings: ["id", "title", "end"])
        table.append(["a", "\u{1B}[2J百色", "x"])
        table.append(["b", "Gia hạn", "y"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines[1] == "a   \\u{1B}[2J百色  x")
        #expect(lines[2] == "b   Gia hạn        y")
        #expect(DisplayWidth.of(lines[1]) == DisplayWidth.of(lines[2]))
        #expect(!lines.joined().unicodeScalars.contains { $0.value == 0x1B })
    }
}

/// `ticklerctl list`, `upcoming` and `validate` on a schedule whose text holds escape sequences.
@Suite(
    "Escaping in the schedule verbs, as a process",
    .enabled(if: TicklerctlProcess.executable != nil, "ticklerctl is not built")
)
struct TerminalEscapingProcessTests {
    @Test func titlesAndDiagnosticsAreEscapedButJSONIsExact() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = """
            [[obligation]]
            id = "hostile"
            title = "Gia hạn \\u001b]0;pwned\\u0007\\u001b[2J"
            once = "2030-01-01T09:00"
            """
        try text.write(to: url, atomically: true, encoding: .utf8)
        let shown = "Gia hạn \\u{1B}]0;pwned\\u{7}\\u{1B}[2J"
        for verb in [["list"], ["upcoming", "-n", "1"]] {
            let result = try TicklerctlProcess.run(verb + ["--config", url.path, "--after", "2029-01-01"])
            #expect(result.status == 0)
            #expect(result.output.contains(shown))
            #expect(!result.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        }
        let json = try TicklerctlProcess.run(["list", "--json", "--config", url.path])
        #expect(json.output.contains(#""title": "Gia hạn \u001b]0;pwned\u0007\u001b[2J""#))
        let hostileDuration =
            "[[obligation]]\nid = \"d\"\ntitle = \"d\"\nevery = \"1\\u001b[31m\"\nstart = 2030-01-01\n"
        try hostileDuration.write(to: url, atomically: true, encoding: .utf8)
        let invalid = try TicklerctlProcess.run(["validate", "--config", url.path])
        #expect(invalid.status == 1)
        #expect(invalid.error.contains("\\u{1B}[31m"))
        #expect(!invalid.error.unicodeScalars.contains { $0.value == 0x1B })
    }
}
