/// A TOML table: its keys in the order they were first written, each with its value and both their positions.
///
/// Keys are compared byte for byte (Unicode scalar by scalar), not by canonical equivalence: `"é"` written
/// precomposed and decomposed are two keys, as TOML defines them.
public struct TOMLTable: Equatable, Sendable {
    /// How a table came to be, which decides where its position points.
    public enum Origin: Hashable, Sendable {
        /// The document's root table, at 1:1.
        case root
        /// A `[name]` header, or one `[[name]]` element of an array of tables; positioned at its header's `[`.
        case header
        /// Only named on the way to a deeper header (`a` in `[a.b]`); positioned at the first such header's `[`.
        case implicit
        /// Made by a dotted key (`a` in `a.b = 1`); positioned at that part of the first such key.
        case dottedKey
        /// An inline table `{ … }`; positioned at its `{`.
        case inline
    }

    /// One key of a table.
    public struct Entry: Equatable, Sendable {
        /// The key, quotes removed and escapes resolved.
        public let key: String
        /// Where the key is first written: the part of a dotted key or header that names it, at its first
        /// character (the opening quote of a quoted key).
        public let keyPosition: TOMLPosition
        /// The value.
        public let value: TOMLValue
        /// The key's length and first bytes (``TOMLTable/word(of:)``), compared before its bytes.
        let keyWord: UInt64

        /// `key` at `keyPosition`, holding `value`.
        public init(key: String, keyPosition: TOMLPosition, value: TOMLValue) {
            self.init(key: key, keyPosition: keyPosition, keyWord: TOMLTable.word(of: key), value: value)
        }

        /// `key` at `keyPosition` holding `value`, its word already computed.
        init(key: String, keyPosition: TOMLPosition, keyWord: UInt64, value: TOMLValue) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
            self.keyWord = keyWord
        }
    }

    /// Tables with more keys than this are given a hash index; smaller ones are searched in order.
    static let indexThreshold = 12

    /// The keys with their values, in the order the keys were first written.
    public let entries: [Entry]
    /// Where the table is written (see ``Origin``).
    public let position: TOMLPosition
    /// How the table came to be.
    public let origin: Origin
    /// Entry indices by key, for large tables.
    private let index: [TOMLKey: Int]?
    /// For a table without ``index``: one bit set for each key's ``Self/signature(of:)``. Most keys asked of a
    /// table are absent, and most of those are told absent by their signature's bit alone, without comparing
    /// anything more.
    private let signatures: UInt64

    /// A table of `entries` (keys unique), written at `position`.
    public init(entries: [Entry], position: TOMLPosition = TOMLPosition(line: 1, column: 1), origin: Origin = .root) {
        var index: [TOMLKey: Int]?
        if entries.count > Self.indexThreshold {
            var built: [TOMLKey: Int] = [:]
            built.reserveCapacity(entries.count)
            for (offset, entry) in entries.enumerated() where built[TOMLKey(entry.key)] == nil {
                built[TOMLKey(entry.key)] = offset
            }
            index = built
        }
        self.init(entries: entries, index: index, position: position, origin: origin)
    }

    /// A table with its index already built by the parser.
    init(entries: [Entry], index: [TOMLKey: Int]?, position: TOMLPosition, origin: Origin) {
        self.entries = entries
        self.index = index
        self.signatures = index != nil ? ~0 : entries.reduce(0) { $0 | Self.signature(of: $1.keyWord) }
        self.position = position
        self.origin = origin
    }

    /// The number of keys.
    public var count: Int { entries.count }
    /// Whether the table has no keys.
    public var isEmpty: Bool { entries.isEmpty }
    /// The keys, in the order they were first written.
    public var keys: [String] { entries.map(\.key) }

    /// The entry for `key`, if the table has it.
    public func entry(_ key: String) -> Entry? { entry(Key(key)) }

    /// The entry for `key`, if the table has it.
    public func entry(_ key: Key) -> Entry? {
        entryIndex(of: key).map { entries[$0] }
    }

    /// Whether the table has `key`: no entry is copied out.
    public func contains(_ key: String) -> Bool { contains(Key(key)) }

    /// Whether the table has `key`: no entry is copied out.
    public func contains(_ key: Key) -> Bool { entryIndex(of: key) != nil }

    /// The index of `key`'s entry in ``entries``.
    private func entryIndex(of key: Key) -> Int? {
        if let index { return index[TOMLKey(key.name)] }
        let word = key.word
        guard signatures & Self.signature(of: word) != 0 else { return nil }
        // Keys are equal when their bytes are (canonically equivalent spellings are different keys): the same word
        // is the same bytes for keys of at most seven, and longer ones are compared byte for byte.
        guard word >> 56 > 7 else { return entries.firstIndex { $0.keyWord == word } }
        return entries.firstIndex { key.names($0) }
    }

    /// Whether `candidate` (with word `candidateWord`) is `key` (with word `word`): the same word is the same
    /// bytes for keys of at most seven, and longer ones are compared byte for byte.
    @inline(__always)
    static func isKey(_ key: String, word: UInt64, _ candidate: String, _ candidateWord: UInt64) -> Bool {
        candidateWord == word && (word >> 56 <= 7 || candidate.hasSameUTF8(as: key))
    }

    /// The key's length in UTF-8 (at most 255) in the top byte, and its first seven bytes below: keys with the
    /// same bytes have the same word, and keys of at most seven bytes with the same word have the same bytes.
    static func word(of key: String) -> UInt64 {
        // Native strings are contiguous; a foreign one is read through its view.
        key.utf8.withContiguousStorageIfAvailable(word(of:)) ?? Array(key.utf8).withUnsafeBufferPointer(word(of:))
    }

    /// ``word(of:)`` of these bytes.
    static func word(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let length = UInt64(min(bytes.count, 255)) << 56
        guard let base = bytes.baseAddress else { return length }
        // Eight bytes or more: the first eight read at once (little-endian whatever the machine), the eighth
        // masked off.
        if bytes.count >= 8 {
            let first = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            return length | (first & 0x00FF_FFFF_FFFF_FFFF)
        }
        var word = length
        for offset in 0..<bytes.count { word |= UInt64(base[offset]) << UInt64(offset &* 8) }
        return word
    }

    /// One of 64 bits, chosen by a hash of the key's word: keys with the same bytes have the same bit.
    private static func signature(of word: UInt64) -> UInt64 {
        1 << ((word &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The value at `key`, if the table has it.
    public subscript(key: String) -> TOMLValue? { entry(Key(key))?.value }

    /// The value at `key`, if the table has it.
    public subscript(key: Key) -> TOMLValue? { entry(key)?.value }

    /// Tables are equal when they hold the same entries in the same order, positions included.
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        lhs.entries == rhs.entries && lhs.position == rhs.position && lhs.origin == rhs.origin
    }
}
