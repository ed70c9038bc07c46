/// The document being read: every table and array in one arena, referred to by index, with the state TOML's
/// definition rules need; turned into plain ``TOMLTable`` values once the whole document has been read.
///
/// Indices make every insertion O(1) whatever the depth of the current table, and the tree is assembled without
/// recursion, depth first with a stack of its own: a thread's stack is never at the mercy of a deep document.
///
/// The rules are TOML 1.0's, as toml-test checks them:
/// - a `[header]` may define a table once, and not one made by dotted keys or written inline;
/// - dotted keys may extend tables they made in the same table section, pass through tables only named by deeper
///   headers (which then may no longer be defined by a header), and never enter a `[header]` table or an array;
/// - inline tables and arrays written as values are complete: nothing may be added to them afterwards;
/// - `[[name]]` appends a table to an array of tables, and a header below it goes into the last one.
struct DocumentBuilder {
    /// What a key or an array element holds.
    enum Slot {
        /// A complete value: a string, number, boolean or date-time.
        case value(TOMLValue)
        /// The table at this index of ``tables``.
        case table(Int)
        /// The array at this index of ``arrays``.
        case array(Int)
    }

    /// A key of a table under construction.
    struct EntryNode {
        /// The key, as read.
        let key: String
        /// Where the key is first written.
        let keyPosition: TOMLPosition
        /// The key's length and first bytes (``TOMLTable/word(of:)``), compared before its bytes.
        ///
        /// It also makes a node the size of a finished ``TOMLTable/Entry``: a table's finished entries then fit
        /// the memory its nodes have just given back, and building the document does not need room for both.
        let keyWord: UInt64
        /// What the key holds.
        var slot: Slot
    }

    /// A table under construction, in 40 bytes: a document of 100,000 tables holds one each until it is built.
    struct TableNode {
        /// The keys, in the order first written.
        var entries: [EntryNode] = []
        /// Entry indices by key, once the table is larger than ``TOMLTable/indexThreshold``.
        var index: [TOMLKey: Int]?
        /// Where the table is written (see ``TOMLTable/Origin``).
        var position: TOMLPosition
        // Depths and section numbers count nodes and headers, each at least a byte of a document that has at most
        // Int32.max (``TOMLLimits/maximumBytes``): four bytes hold them.
        private let storedDepth: Int32
        private var storedDottedSection: Int32 = -1
        /// How the table came to be; an implicit table becomes a header table when a header defines it.
        var origin: TOMLTable.Origin
        /// An inline table, complete once its `}` is read.
        var isFrozen = false
        /// Defined by a `[header]`, or an element of an array of tables.
        var isDefined = false

        /// An empty table at `position`, made as `origin` says, `depth` levels below the root.
        init(position: TOMLPosition, origin: TOMLTable.Origin, depth: Int) {
            self.position = position
            self.origin = origin
            self.storedDepth = Int32(clamping: depth)
        }

        /// Levels below the root.
        var depth: Int { Int(storedDepth) }
        /// The table section (or inline table) whose dotted keys made or entered this table; -1 when none.
        var dottedSection: Int {
            get { Int(storedDottedSection) }
            set { storedDottedSection = Int32(clamping: newValue) }
        }
    }

    /// An array under construction.
    struct ArrayNode {
        /// The elements, in order.
        var elements: [Slot] = []
        /// The `[` of an array value, or the first `[[name]]` header of an array of tables.
        let position: TOMLPosition
        /// Made by `[[name]]` headers; an array written as a value is complete as written.
        let isTableArray: Bool
        /// Levels below the root.
        let depth: Int
    }

    /// Every table, the root first.
    private(set) var tables: [TableNode]
    /// Every array, arrays of tables included.
    private(set) var arrays: [ArrayNode] = []
    /// How deeply tables and arrays may nest below the root.
    private let maximumDepth: Int
    /// How many values (tables and arrays included) the document may hold.
    private let maximumValues: Int
    /// The values read so far.
    private var valueCount = 0

    /// An empty document whose tables and arrays may nest `maximumDepth` levels below the root, and which may
    /// hold `maximumValues` values.
    init(maximumDepth: Int, maximumValues: Int) {
        self.maximumDepth = maximumDepth
        self.maximumValues = maximumValues
        var root = TableNode(position: TOMLPosition(line: 1, column: 1), origin: .root, depth: 0)
        root.isDefined = true
        tables = [root]
    }

    /// The depth of a table.
    func depth(ofTable table: Int) -> Int { tables[table].depth }

    // MARK: - Nodes

    /// A new table `depth` levels below the root.
    mutating func newTable(
        depth: Int,
        position: TOMLPosition,
        origin: TOMLTable.Origin
    ) throws(TOMLError) -> Int {
        try checkDepth(depth, at: position)
        tables.append(TableNode(position: position, origin: origin, depth: depth))
        return tables.count - 1
    }

    /// A new array `depth` levels below the root.
    mutating func newArray(depth: Int, position: TOMLPosition, isTableArray: Bool) throws(TOMLError) -> Int {
        try checkDepth(depth, at: position)
        arrays.append(ArrayNode(position: position, isTableArray: isTableArray, depth: depth))
        return arrays.count - 1
    }

    /// Adds `slot` at the end of array `array`.
    mutating func append(_ slot: Slot, toArray array: Int) {
        arrays[array].elements.append(slot)
    }

    /// Marks inline table `table` complete.
    mutating func freeze(table: Int) {
        tables[table].isFrozen = true
    }

    /// Refuses a node `depth` levels below the root when that is deeper than allowed.
    private mutating func checkDepth(_ depth: Int, at position: TOMLPosition) throws(TOMLError) {
        guard depth <= maximumDepth else {
            throw TOMLError("tables and arrays nested more than \(maximumDepth) levels deep", at: position)
        }
        try countValue(at: position)
    }

    /// Counts one more value, refusing it beyond the limit.
    mutating func countValue(at position: TOMLPosition) throws(TOMLError) {
        valueCount += 1
        guard valueCount <= maximumValues else {
            throw TOMLError("the document holds more than \(maximumValues) values", at: position)
        }
    }

    /// The index of `key`'s entry in `table`.
    private func find(_ key: KeyPart, in table: Int) -> Int? {
        if let index = tables[table].index { return index[TOMLKey(key.name)] }
        // Byte for byte: canonically equivalent spellings are different keys.
        return tables[table].entries.firstIndex { TOMLTable.isKey(key.name, word: key.word, $0.key, $0.keyWord) }
    }

    /// Adds a new key (not yet in `table`).
    mutating func insert(_ slot: Slot, key: KeyPart, in table: Int) {
        // Room for four keys at the first: a schedule's tables hold four to eight, and growing one entry at a time
        // from one reallocated each table's entries twice on the way to four.
        if tables[table].entries.isEmpty { tables[table].entries.reserveCapacity(4) }
        tables[table].entries.append(
            EntryNode(key: key.name, keyPosition: key.position, keyWord: key.word, slot: slot)
        )
        let count = tables[table].entries.count
        if tables[table].index != nil {
            tables[table].index![TOMLKey(key.name)] = count - 1
        } else if count > TOMLTable.indexThreshold {
            var index: [TOMLKey: Int] = [:]
            for (offset, entry) in tables[table].entries.enumerated() { index[TOMLKey(entry.key)] = offset }
            tables[table].index = index
        }
    }

    // MARK: - Definition rules

    /// The table a `[parts]` header defines.
    mutating func defineTable(_ parts: [KeyPart], header: TOMLPosition) throws(TOMLError) -> Int {
        let parent = try headerParent(parts, header: header)
        let last = parts[parts.count - 1]
        // Spelled only for an error: most headers define their table without one.
        var name: String { KeyPart.header(parts[...]) }
        guard let entry = find(last, in: parent) else {
            let table = try newTable(depth: tables[parent].depth + 1, position: header, origin: .header)
            tables[table].isDefined = true
            insert(.table(table), key: last, in: parent)
            return table
        }
        let existing = tables[parent].entries[entry]
        switch existing.slot {
        case .table(let table):
            let node = tables[table]
            if node.isFrozen {
                throw TOMLError(
                    "table \(name) is already written as an inline table at line \(node.position.line); "
                        + "an inline table is complete as written",
                    at: header
                )
            }
            if node.isDefined {
                throw TOMLError(
                    "table \(name) is defined twice (first at line \(node.position.line))",
                    at: header
                )
            }
            if node.dottedSection >= 0 {
                throw TOMLError(
                    "table \(name) is already defined by dotted keys at line \(existing.keyPosition.line); "
                        + "a header cannot define it again",
                    at: header
                )
            }
            tables[table].isDefined = true
            tables[table].origin = .header
            tables[table].position = header
            return table
        case .array(let array):
            if arrays[array].isTableArray {
                throw TOMLError(
                    "\(name) is an array of tables (line \(arrays[array].position.line)); "
                        + "write [\(name)] to add a table to it",
                    at: header
                )
            }
            throw notTable(parts[...], existing, defining: "table \(KeyPart.header(parts[...]))")
        case .value:
            throw notTable(parts[...], existing, defining: "table \(KeyPart.header(parts[...]))")
        }
    }

    /// The new last table of the array of tables a `[[parts]]` header appends to.
    mutating func appendTableArrayElement(_ parts: [KeyPart], header: TOMLPosition) throws(TOMLError) -> Int {
        let parent = try headerParent(parts, header: header)
        let last = parts[parts.count - 1]
        // Spelled only for an error: most headers append their table without one.
        var name: String { KeyPart.display(parts[...]) }
        let array: Int
        if let entry = find(last, in: parent) {
            let existing = tables[parent].entries[entry]
            switch existing.slot {
            case .array(let found) where arrays[found].isTableArray:
                array = found
            case .array(let found):
                throw TOMLError(
                    "cannot append a table to array \(name): it is written as a value at line "
                        + "\(arrays[found].position.line), and an array written as a value is complete as written",
                    at: header
                )
            case .table(let table):
                let what = tables[table].origin == .inline ? "an inline table" : "a table"
                throw TOMLError(
                    "key \(name) is already \(what) (line \(tables[table].position.line)), not an array of tables",
                    at: header
                )
            case .value:
                throw notTable(parts[...], existing, defining: "array of tables [\(KeyPart.header(parts[...]))]")
            }
        } else {
            array = try newArray(depth: tables[parent].depth + 1, position: header, isTableArray: true)
            insert(.array(array), key: last, in: parent)
        }
        let table = try newTable(depth: arrays[array].depth + 1, position: header, origin: .header)
        tables[table].isDefined = true
        arrays[array].elements.append(.table(table))
        return table
    }

    /// The table holding the last part of a header's name, creating the tables named on the way.
    private mutating func headerParent(_ parts: [KeyPart], header: TOMLPosition) throws(TOMLError) -> Int {
        var current = 0
        for offset in 0..<(parts.count - 1) {
            let part = parts[offset]
            guard let entry = find(part, in: current) else {
                let table = try newTable(depth: tables[current].depth + 1, position: header, origin: .implicit)
                insert(.table(table), key: part, in: current)
                current = table
                continue
            }
            let existing = tables[current].entries[entry]
            switch existing.slot {
            case .table(let table):
                if tables[table].isFrozen {
                    throw TOMLError(
                        "cannot add table \(KeyPart.header(parts[...])) to inline table "
                            + "\(KeyPart.display(parts[...offset])) (line \(tables[table].position.line)): "
                            + "an inline table is complete as written",
                        at: header
                    )
                }
                current = table
            case .array(let array):
                guard arrays[array].isTableArray, case .table(let table)? = arrays[array].elements.last else {
                    throw TOMLError(
                        "cannot add table \(KeyPart.header(parts[...])) to array "
                            + "\(KeyPart.display(parts[...offset])) (line \(arrays[array].position.line)): "
                            + "an array written as a value is complete as written",
                        at: header
                    )
                }
                current = table
            case .value:
                throw notTable(parts[...offset], existing, defining: "table \(KeyPart.header(parts[...]))")
            }
        }
        return current
    }

    /// The table into which a dotted key `parts` of table section `section` puts its last part, creating the
    /// tables named on the way.
    /// - Throws: ``TOMLError`` when the key is already defined or a part cannot hold keys.
    /// `prefix` is the name of the table section's header (empty for the root and inline tables), for messages.
    mutating func resolve(
        _ parts: [KeyPart],
        in table: Int,
        section: Int,
        prefix: [KeyPart]
    ) throws(TOMLError) -> Int {
        var current = table
        for offset in 0..<(parts.count - 1) {
            let part = parts[offset]
            guard let entry = find(part, in: current) else {
                let made = try newTable(depth: tables[current].depth + 1, position: part.position, origin: .dottedKey)
                tables[made].dottedSection = section
                insert(.table(made), key: part, in: current)
                current = made
                continue
            }
            let existing = tables[current].entries[entry]
            guard case .table(let next) = existing.slot else {
                throw notTable(parts[...offset], existing, defining: "key \(KeyPart.display(parts[...]))")
            }
            if tables[next].isFrozen {
                throw TOMLError(
                    "cannot add key \(KeyPart.display(parts[...])) to inline table \(KeyPart.display(parts[...offset])) "
                        + "(line \(tables[next].position.line)): an inline table is complete as written",
                    at: part.position
                )
            }
            if tables[next].isDefined {
                let name = KeyPart.header((prefix + parts[...offset])[...])
                throw TOMLError(
                    "cannot add key \(KeyPart.display(parts[...])) to table \(name) with a dotted key: \(name) has "
                        + "its own header at line \(tables[next].position.line); write the key under it",
                    at: part.position
                )
            }
            if tables[next].dottedSection >= 0 && tables[next].dottedSection != section {
                let name = KeyPart.header((prefix + parts[...offset])[...])
                throw TOMLError(
                    "cannot add key \(KeyPart.display(parts[...])) to table \(name): its dotted keys are all "
                        + "written in one table, at line \(existing.keyPosition.line)",
                    at: part.position
                )
            }
            tables[next].dottedSection = section
            current = next
        }
        let stem = parts[parts.count - 1]
        if let entry = find(stem, in: current) {
            let first = tables[current].entries[entry].keyPosition
            throw TOMLError(
                "duplicate key \(KeyPart.display(parts[...])) (first defined at line \(first.line))",
                at: stem.position
            )
        }
        return current
    }

    /// The error for defining `what` when key `prefix` must be a table but `existing` holds another kind of value.
    private func notTable(_ prefix: ArraySlice<KeyPart>, _ existing: EntryNode, defining what: String) -> TOMLError {
        let kind: String
        switch existing.slot {
        case .value(let value): kind = Self.withArticle(value.content.kindName)
        case .array: kind = "an array"
        case .table: kind = "a table"
        }
        return TOMLError(
            "cannot define \(what): key \(KeyPart.display(prefix)) is already \(kind) "
                + "(line \(existing.keyPosition.line)), not a table",
            at: prefix[prefix.endIndex - 1].position
        )
    }

    /// `an integer`, `a string`: a kind name with its article.
    static func withArticle(_ kind: String) -> String {
        guard let first = kind.first else { return kind }
        return ("aeiou".contains(first) ? "an " : "a ") + kind
    }

    // MARK: - Assembly

    /// A table or array being assembled: its node, taken out of the arena, and its values so far.
    private struct Assembly {
        /// The table's node, for a table.
        var table: TableNode?
        /// The array's node, for an array.
        var array: ArrayNode?
        /// The table's finished entries.
        var entries: [TOMLTable.Entry] = []
        /// The array's finished elements.
        var elements: [TOMLValue] = []

        /// The slots assembled so far.
        var done: Int { table != nil ? entries.count : elements.count }
        /// The table's keys or the array's elements.
        var count: Int { table?.entries.count ?? array?.elements.count ?? 0 }
        /// Slot `offset`.
        func slot(_ offset: Int) -> Slot { table?.entries[offset].slot ?? array!.elements[offset] }

        /// Adds the finished value of the next slot.
        mutating func add(_ value: TOMLValue) {
            if let node = table?.entries[entries.count] {
                entries.append(
                    TOMLTable.Entry(key: node.key, keyPosition: node.keyPosition, keyWord: node.keyWord, value: value)
                )
            } else {
                elements.append(value)
            }
        }

        /// The finished table (its nodes let go).
        consuming func finishedTable() -> TOMLTable {
            let node = table!
            return TOMLTable(entries: entries, index: node.index, position: node.position, origin: node.origin)
        }

        /// The finished table or array, as a value.
        consuming func finished() -> TOMLValue {
            if let node = array { return TOMLValue(.array(elements), at: node.position) }
            let position = table!.position
            return TOMLValue(.table(finishedTable()), at: position)
        }
    }

    /// The document as plain values; the arena is consumed.
    ///
    /// Depth first: each table and array is taken out of the arena when its holder reaches it, and its finished
    /// values made room for as its nodes go (a table's finished entries are the size of its nodes, so they
    /// usually take the memory its nodes give back).
    consuming func build() -> TOMLTable {
        var stack = [take(table: 0)]
        while true {
            let top = stack.count - 1
            if stack[top].done < stack[top].count {
                switch stack[top].slot(stack[top].done) {
                case .value(let value): stack[top].add(value)
                case .table(let table): stack.append(take(table: table))
                case .array(let array): stack.append(take(array: array))
                }
                continue
            }
            let assembled = stack.removeLast()
            guard !stack.isEmpty else { return assembled.finishedTable() }
            stack[stack.count - 1].add(assembled.finished())
        }
    }

    /// Table `table`, taken out of the arena to be assembled.
    private mutating func take(table: Int) -> Assembly {
        var node = TableNode(position: tables[table].position, origin: .root, depth: 0)
        swap(&node, &tables[table])
        var assembly = Assembly(table: node)
        assembly.entries.reserveCapacity(assembly.count)
        return assembly
    }

    /// Array `array`, taken out of the arena to be assembled.
    private mutating func take(array: Int) -> Assembly {
        var node = ArrayNode(position: arrays[array].position, isTableArray: false, depth: 0)
        swap(&node, &arrays[array])
        var assembly = Assembly(array: node)
        assembly.elements.reserveCapacity(assembly.count)
        return assembly
    }
}
