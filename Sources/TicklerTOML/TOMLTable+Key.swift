extension TOMLTable {
    /// A key to look up, its word (length and first bytes, ``TOMLTable/word(of:)``) computed once.
    ///
    /// Looking a key up compares words before bytes; making the word of a `String` costs more than the comparison.
    /// Keys asked of every table of a kind (an obligation's) are best kept in a `static let`, so that each lookup
    /// only compares words. A string literal is a key too, its word made at each use.
    public struct Key: Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The key, as written in the document without quotes.
        public let name: String
        /// ``name``'s word.
        let word: UInt64

        /// The key `name`.
        public init(_ name: String) {
            self.name = name
            word = TOMLTable.word(of: name)
        }

        /// The key `value`.
        public init(stringLiteral value: String) {
            self.init(value)
        }

        /// The key's name.
        public var description: String { name }

        /// Whether `entry` is this key's: the same bytes.
        func names(_ entry: Entry) -> Bool {
            TOMLTable.isKey(name, word: word, entry.key, entry.keyWord)
        }
    }

    /// A set of keys, asked whether an entry's key is among them by comparing words: the keys a kind of table
    /// may hold, for telling which of a table's keys are unknown.
    public struct KeySet: Sendable {
        /// The keys, in the order given.
        public let keys: [Key]
        /// The keys' distinct words, in increasing order, searched by halving.
        private let words: [UInt64]

        /// The set of `names`.
        public init(_ names: [String]) {
            keys = names.map { Key($0) }
            words = Set(keys.map(\.word)).sorted()
        }

        /// The keys' names, in the order given.
        public var names: [String] { keys.map(\.name) }

        /// Whether any key of `table` is one of the set: each of the table's keys looked at once, however many the
        /// set holds (a table asked about a group of keys it seldom has).
        public func containsAny(of table: TOMLTable) -> Bool {
            table.entries.indices.contains { contains(table.entries[$0].key, word: table.entries[$0].keyWord) }
        }

        /// The positions in `table`'s entries of the keys not in the set, in order; empty (nothing made) when every
        /// key is known, as in the usual table. The entries are not copied out.
        public func positionsOfUnknownKeys(in table: TOMLTable) -> [Int] {
            var unknown: [Int] = []
            for index in table.entries.indices
            where !contains(table.entries[index].key, word: table.entries[index].keyWord) {
                unknown.append(index)
            }
            return unknown
        }

        /// Whether `entry`'s key is one of the set.
        public func contains(_ entry: Entry) -> Bool {
            contains(entry.key, word: entry.keyWord)
        }

        /// Whether `key`, whose word is `word`, is one of the set.
        private func contains(_ key: String, word: UInt64) -> Bool {
            var low = 0
            var high = words.count
            while low < high {
                let middle = low + (high - low) / 2
                if words[middle] < word { low = middle + 1 } else { high = middle }
            }
            guard low < words.count, words[low] == word else { return false }
            // The same word is the same key of at most seven bytes; longer ones are compared byte for byte.
            return word >> 56 <= 7 || keys.contains { TOMLTable.isKey($0.name, word: $0.word, key, word) }
        }
    }
}
