import Testing
import TicklerTOML

/// Syntax and definition errors: the first problem, where it is, in words a sysadmin reads without the spec.
@Suite("TOML errors")
struct TOMLErrorTests {
    /// `line:column: message` for `text`, or nil when it parses.
    static func error(_ text: String, limits: TOMLLimits = TOMLLimits()) -> String? {
        do {
            _ = try TOMLParser(limits: limits).parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(
        "each error, exactly as reported",
        arguments: [
            ("title \"x\"\n", "1:7: expected \"=\" after key \"title\", found '\"'"),
            ("[[obligation]]\nx = 1\nid = \"a\"\nid = \"b\"\n", "4:1: duplicate key \"id\" (first defined at line 3)"),
            (
                "a = \"unterminated\n",
                "1:5: unterminated string: no closing \" on its line (a string over several lines is written \"\"\"…\"\"\")"
            ),
            ("e=2030-01-01T:", "1:3: invalid date-time \"2030-01-01T:\": expected a time HH:MM:SS"),
            ("[\n", "1:2: expected a key, found the end of the line"),
            ("[a]\nx = 1\n[a]\n", "3:1: table [a] is defined twice (first at line 1)"),
            (
                "a = 1\na.b = 2\n",
                "2:1: cannot define key \"a.b\": key \"a\" is already an integer (line 1), not a table"
            ),
            (
                "a = {x = 1}\n[a.b]\n",
                "2:1: cannot add table [a.b] to inline table \"a\" (line 1): an inline table is complete as written"
            ),
            (
                "a = []\n[[a]]\n",
                "2:1: cannot append a table to array \"a\": it is written as a value at line 1, and an array written as a value is complete as written"
            ),
            (
                "[a.b.c]\n[a]\nb.c.d = 1\n",
                "3:3: cannot add key \"b.c.d\" to table [a.b.c] with a dotted key: [a.b.c] has its own header at line 1; write the key under it"
            ),
            ("x = {a = 1,}\n", "1:12: a trailing comma is not allowed in an inline table"),
            (
                "x = {a = 1,\nb = 2}\n",
                "1:12: an inline table must be written on one line (TOML 1.0); use a [table] for more keys"
            ),
            ("x = [1 2]\n", "1:8: expected \",\" or \"]\" after an array element, found \"2\""),
            ("x = [1,\n", "1:5: unterminated array: no closing \"]\" before the end of the file"),
            (
                "x = True\n",
                "1:5: invalid value \"True\" (expected a string in quotes, a number, true, false, a date-time, an array or an inline table)"
            ),
            ("x = 0x_1\n", "1:5: invalid number \"0x_1\": an underscore must stand between two digits"),
            ("x = 01\n", "1:5: invalid number \"01\": leading zeros are not allowed"),
            ("x = 2027-02-29\n", "1:5: invalid date \"2027-02-29\": day 29 is not 1 to 28 in that month"),
            ("x = 25:00:00\n", "1:5: invalid time \"25:00:00\": hour 25 is not 0 to 23"),
            (
                "x = \"\\q\"\n",
                "1:6: invalid escape: a backslash followed by \"q\" (valid escapes: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)"
            ),
            (
                "x = \"\\uD800\"\n",
                "1:6: invalid Unicode escape: U+D800 is not a Unicode scalar value (surrogates and values above U+10FFFF are not)"
            ),
            (
                "x = \"\"\"never closed\n",
                "1:5: unterminated multi-line string: no closing \"\"\" before the end of the file"
            ),
            ("x = 1 # bell \u{7}\n", "1:14: control character U+0007 is not allowed in a comment"),
            ("x = 1\ry = 2\n", "1:6: a carriage return (CR) must be followed by a line feed (LF)"),
            ("Văn = 1\n", "1:2: expected \"=\" after key \"V\", found \"ă\" (U+0103)"),
            ("x = 1 y = 2\n", "1:7: expected the end of the line after a key-value pair, found \"y\""),
            ("[a] b = 1\n", "1:5: expected the end of the line after a table header, found \"b\""),
            ("[[a]\n", "1:4: expected \"]]\" to close [[a]], found \"]\""),
            ("\"\"\"key\"\"\" = 1\n", "1:1: a key cannot be a multi-line string"),
        ]
    )
    func message(text: String, expected: String) {
        #expect(Self.error(text) == expected)
    }

    @Test("a byte that is not UTF-8 is named where it is")
    func invalidUTF8() {
        #expect(throws: TOMLError("invalid UTF-8", at: TOMLPosition(line: 2, column: 7))) {
            try TOMLParser().parse(bytes: Array("a = 1\nb = \"x".utf8) + [0xC3, 0x28] + Array("\"\n".utf8))
        }
    }

    @Test("the document size limit is the caller's")
    func sizeLimit() {
        #expect(
            Self.error("a = 1\n", limits: TOMLLimits(maximumBytes: 4))
                == "1:1: the document is 6 bytes, more than the limit of 4"
        )
        #expect(Self.error("a = 1\n", limits: TOMLLimits(maximumBytes: 6)) == nil)
    }
}
