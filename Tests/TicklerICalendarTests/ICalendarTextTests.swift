import Testing
import TicklerICalendar

/// TEXT escaping, parameter quoting and 75-octet folding (RFC 5545 §3.1, §3.2, §3.3.11).
@Suite("iCalendar text: escaping and folding")
struct ICalendarTextTests {
    @Test(
        "TEXT escaping",
        arguments: [
            ("plain", "plain"),
            ("a;b", "a\\;b"),
            ("a,b", "a\\,b"),
            ("back\\slash", "back\\\\slash"),
            ("two\nlines", "two\\nlines"),
            ("crlf\r\nline", "crlf\\nline"),
            ("cr\rline", "cr\\nline"),
            ("blank\n\nline", "blank\\n\\nline"),
            ("tab\tkept", "tab\tkept"),
            ("bell\u{07}and del\u{7F} dropped", "belland del dropped"),
            ("colon: kept", "colon: kept"),
            ("Thỏa thuận; Văn Sơn, 百色市", "Thỏa thuận\\; Văn Sơn\\, 百色市"),
        ]
    )
    func escaping(input: String, expected: String) {
        #expect(ICalendarText.escaped(input) == expected)
    }

    @Test(
        "parameter values are quoted only when they must be",
        arguments: [
            ("Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh"),
            ("Etc/GMT+7", "Etc/GMT+7"),
            ("+07:00", "\"+07:00\""),
            ("a;b", "\"a;b\""),
            ("quote\"d", "quoted"),
        ]
    )
    func parameterValues(input: String, expected: String) {
        #expect(ICalendarText.parameterValue(input) == expected)
    }

    /// The physical lines of folded output, without their CRLF; fails when a line lacks it.
    private func physicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append(current)
                current = []
                index += 2
                continue
            }
            #expect(bytes[index] != 0x0D && bytes[index] != 0x0A, "a bare CR or LF")
            current.append(bytes[index])
            index += 1
        }
        #expect(current.isEmpty, "the last line has no CRLF")
        return lines
    }

    /// The logical line that `lines` fold: continuation lines lose their leading space.
    private func unfolded(_ lines: [[UInt8]]) -> [UInt8] {
        lines.enumerated().flatMap { position, line in
            position == 0 ? line : Array(line.dropFirst())
        }
    }

    @Test("a line of 75 octets stays whole; 76 folds into 75 and a continuation")
    func foldsAtSeventyFiveOctets() {
        let exact = [UInt8](repeating: UInt8(ascii: "a"), count: 75)
        #expect(physicalLines(ICalendarText.folded(exact)) == [exact])
        let longer = exact + [UInt8(ascii: "b")]
        #expect(physicalLines(ICalendarText.folded(longer)) == [exact, [0x20, UInt8(ascii: "b")]])
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 75 + 74 * 2 + 1)
        let lines = physicalLines(ICalendarText.folded(long))
        #expect(lines.map(\.count) == [75, 75, 75, 2])
        #expect(lines.dropFirst().allSatisfy { $0.first == 0x20 })
        #expect(unfolded(lines) == long)
    }

    @Test("an empty line is just CRLF")
    func empty() {
        #expect(ICalendarText.folded([UInt8]()) == [0x0D, 0x0A])
    }

    /// Characters of 2, 3 and 4 octets, each after 0…4 ASCII octets, so that a fold lands at every position inside
    /// a sequence: no physical line exceeds 75 octets, each is valid UTF-8 on its own, and unfolding restores it.
    @Test(
        "folds never split a UTF-8 sequence",
        arguments: ["ă", "ệ", "百", "😀", "Thỏa thuận quản lý lao động 百色市 😀 "],
        0...4
    )
    func multiByteBoundaries(piece: String, prefixLength: Int) throws {
        let text = "SUMMARY:" + String(repeating: "x", count: prefixLength) + String(repeating: piece, count: 60)
        let logical = Array(text.utf8)
        let lines = physicalLines(ICalendarText.folded(logical))
        #expect(lines.count > 1)
        for line in lines {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "a fold split a character: \(line.suffix(4))")
        }
        // Folding moves back only to the start of a character: each line is at most 3 octets short of full.
        for line in lines.dropLast() { #expect(line.count >= 72) }
        #expect(unfolded(lines) == logical)
    }
}
