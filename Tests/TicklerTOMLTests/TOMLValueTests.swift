import Testing
import TicklerTOML

/// Values as the document model holds them: integers checked for overflow, date-time parts and fractions as
/// written, floats, strings with escapes.
@Suite("TOML values")
struct TOMLValueTests {
    /// The value of `v` in `v = <text>`.
    static func value(_ text: String) throws -> TOMLValue.Content {
        try #require(try TOMLParser().parse("v = " + text)["v"]).content
    }

    @Test(
        "integers in every form, to the limits of 64 bits",
        arguments: [
            ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min), ("+1_000", 1000),
            ("0x7FFF_FFFF_FFFF_FFFF", Int64.max), ("0o777", 511), ("0b1010", 10), ("-0", 0),
            ("0xdead_BEEF", 3_735_928_559),
        ] as [(String, Int64)]
    )
    func integers(text: String, expected: Int64) throws {
        #expect(try Self.value(text) == .integer(expected))
    }

    @Test(
        "integers beyond 64 bits are errors, not traps",
        arguments: [
            "9223372036854775808", "-9223372036854775809", "0x8000000000000000",
            "0b" + String(repeating: "1", count: 64), "99999999999999999999999",
        ]
    )
    func overflow(text: String) {
        do {
            _ = try TOMLParser().parse("v = " + text)
            Issue.record("\(text) is accepted")
        } catch {
            #expect(error.message.contains("does not fit in 64 bits"))
            #expect(error.position == TOMLPosition(line: 1, column: 5))
        }
    }

    @Test("floats, including exponents, underscores, inf and nan")
    func floats() throws {
        #expect(try Self.value("6.626e-34") == .float(6.626e-34))
        #expect(try Self.value("-1_000.5E+2") == .float(-100_050))
        #expect(try Self.value("1e06") == .float(1_000_000))
        #expect(try Self.value("-inf") == .float(-.infinity))
        guard case .float(let nan) = try Self.value("+nan") else {
            Issue.record("nan is a float")
            return
        }
        #expect(nan.isNaN)
    }

    @Test("date-times keep their parts as numbers and the fraction as written")
    func dateTimes() throws {
        guard case .offsetDateTime(let offset) = try Self.value("1979-05-27 07:32:00.1234567-07:30") else {
            Issue.record("an offset date-time")
            return
        }
        #expect(offset.date == TOMLDate(year: 1979, month: 5, day: 27))
        #expect(offset.time.hour == 7 && offset.time.minute == 32 && offset.time.second == 0)
        #expect(offset.time.fractionDigits == "1234567")
        #expect(offset.time.nanosecond == 123_456_700)
        #expect(offset.offsetMinutes == -450)
        #expect(offset.description == "1979-05-27T07:32:00.1234567-07:30")
        #expect(
            try Self.value("2030-01-01t00:00:00z")
                == .offsetDateTime(
                    TOMLOffsetDateTime(
                        date: TOMLDate(year: 2030, month: 1, day: 1),
                        time: TOMLTime(hour: 0, minute: 0, second: 0),
                        offsetMinutes: 0
                    )
                )
        )
        guard case .localDateTime(let local) = try Self.value("2024-02-29T23:59:60.999999999999") else {
            Issue.record("a local date-time")
            return
        }
        #expect(local.time.second == 60)
        #expect(local.time.nanosecond == 999_999_999)
        #expect(try Self.value("2027-06-30") == .localDate(TOMLDate(year: 2027, month: 6, day: 30)))
        #expect(try Self.value("08:00:00") == .localTime(TOMLTime(hour: 8, minute: 0, second: 0)))
    }

    @Test("strings: escapes, line-ending backslashes, literal strings, quotes before the closing delimiter")
    func strings() throws {
        #expect(try Self.value(#""tab\there \u00E9 \U0001F600 \"q\" \\""#) == .string("tab\there é 😀 \"q\" \\"))
        #expect(try Self.value("\"\"\"\none \\\n     two\"\"\"\"\"") == .string("one two\"\""))
        #expect(try Self.value("'C:\\path\\'") == .string("C:\\path\\"))
        #expect(try Self.value("'''\r\nfirst\r\nsecond'''''") == .string("first\nsecond''"))
        #expect(try Self.value("\"\"") == .string(""))
    }

    @Test("kind names")
    func kindNames() throws {
        #expect(try Self.value("[]").kindName == "array")
        #expect(try Self.value("{}").kindName == "table")
        #expect(try Self.value("1979-05-27T07:32:00").kindName == "local date-time")
        #expect(try Self.value("1.5").kindName == "float")
    }
}
