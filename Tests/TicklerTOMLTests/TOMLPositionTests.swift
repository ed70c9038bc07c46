import Testing
import TicklerTOML

/// Every key and value carries where it is written: line and column (in Unicode scalars), 1-based.
@Suite("TOML positions")
struct TOMLPositionTests {
    /// The root table of `text`.
    static func parse(_ text: String) throws -> TOMLTable {
        try TOMLParser().parse(text)
    }

    /// `line:column` of a position, for compact expectations.
    static func at(_ position: TOMLPosition) -> String { position.description }

    @Test("keys and values of plain key-value pairs")
    func plainPairs() throws {
        let root = try Self.parse("title = \"x\"\n  count=42 # c\n\tflag =   true\n")
        #expect(root.entries.map { Self.at($0.keyPosition) } == ["1:1", "2:3", "3:2"])
        #expect(root.entries.map { Self.at($0.value.position) } == ["1:9", "2:9", "3:11"])
    }

    @Test("columns count Unicode scalars, not bytes")
    func unicodeColumns() throws {
        let root = try Self.parse("\"Sơn\" = \"Văn Sơn 云南\" \nb = 'é' # Vân Nam 云南\nc = 1\n")
        #expect(Self.at(try #require(root.entry("Sơn")).keyPosition) == "1:1")
        #expect(Self.at(try #require(root["Sơn"]).position) == "1:9")
        #expect(Self.at(try #require(root["b"]).position) == "2:5")
        #expect(Self.at(try #require(root.entry("c")).keyPosition) == "3:1")
    }

    @Test("positions after multi-line strings, CRLF lines and a byte order mark")
    func lineTracking() throws {
        let root = try Self.parse(
            "\u{FEFF}a = \"\"\"\r\nline 1\r\n  \"quoted\"\r\n\"\"\"\r\nb = '''\nx\n''' \r\n  c = [\r\n 1,\r\n   2, # two\r\n]\r\n"
        )
        #expect(Self.at(try #require(root.entry("a")).keyPosition) == "1:1")
        #expect(try #require(root["a"]).string == "line 1\n  \"quoted\"\n")
        #expect(Self.at(try #require(root.entry("b")).keyPosition) == "5:1")
        #expect(Self.at(try #require(root.entry("c")).keyPosition) == "8:3")
        let elements = try #require(root["c"]?.array)
        #expect(elements.map { Self.at($0.position) } == ["9:2", "10:4"])
    }

    @Test("tables: headers, elements of arrays of tables, dotted keys, inline tables")
    func tables() throws {
        let root = try Self.parse(
            """
            [defaults]
            at = "08:00"

              [[obligation]]
              id = "a"
            [[obligation]]
            id = "b"
            settings.zone.name = "UTC"
            inline = { x = 1, y.z = [2] }
            [deep.er]
            """
        )
        let defaults = try #require(root["defaults"])
        #expect(Self.at(defaults.position) == "1:1")
        #expect(defaults.table?.origin == .header)
        #expect(Self.at(try #require(root.entry("defaults")).keyPosition) == "1:2")
        let obligations = try #require(root["obligation"]?.array)
        #expect(obligations.map { Self.at($0.position) } == ["4:3", "6:1"])
        #expect(obligations.map { $0.table?.origin } == [.header, .header])
        let second = try #require(obligations[1].table)
        #expect(Self.at(second.position) == "6:1")
        #expect(Self.at(try #require(second.entry("id")).keyPosition) == "7:1")
        let settings = try #require(second["settings"])
        #expect(settings.table?.origin == .dottedKey)
        #expect(Self.at(settings.position) == "8:1")
        #expect(Self.at(try #require(settings.table?["zone"]).position) == "8:10")
        #expect(Self.at(try #require(settings.table?["zone"]?.table?.entry("name")).keyPosition) == "8:15")
        let inline = try #require(second["inline"])
        #expect(inline.table?.origin == .inline)
        #expect(Self.at(inline.position) == "9:10")
        #expect(Self.at(try #require(inline.table?["y"]?.table?["z"]).position) == "9:25")
        let deep = try #require(root["deep"])
        #expect(deep.table?.origin == .implicit)
        #expect(Self.at(deep.position) == "10:1")
        #expect(Self.at(try #require(deep.table?.entry("er")).keyPosition) == "10:7")
    }

    @Test("an implicit table defined later takes its header's position")
    func implicitThenDefined() throws {
        let root = try Self.parse("[a.b]\nx = 1\n\n[a]\ny = 2\n")
        let a = try #require(root["a"])
        #expect(a.table?.origin == .header)
        #expect(Self.at(a.position) == "4:1")
        #expect(Self.at(try #require(root.entry("a")).keyPosition) == "1:2")
        #expect(a.table?.keys == ["b", "y"])
    }

    @Test("keys keep the order they were written in")
    func order() throws {
        let keys = (0..<40).map { "key-\(39 - $0)" }
        let root = try Self.parse(keys.map { "\($0) = 1\n" }.joined())
        #expect(root.keys == keys)
        #expect(root["key-7"]?.integer == 1)
        #expect(root["key-40"] == nil)
    }

    @Test("keys are compared byte for byte: precomposed and decomposed spellings are two keys")
    func byteKeys() throws {
        let root = try Self.parse("\"\u{E9}\" = 1\n\"e\u{301}\" = 2\n")
        #expect(root.count == 2)
        #expect(root["\u{E9}"]?.integer == 1)
        #expect(root["e\u{301}"]?.integer == 2)
    }
}
