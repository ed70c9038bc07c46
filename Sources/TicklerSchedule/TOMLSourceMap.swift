/// Where tables and keys are in a TOML file's text, for diagnostics: TOMLKit gives values but not positions.
///
/// A line scanner that understands just enough TOML to stay reliable: table headers (`[defaults]`,
/// `[[obligation]]`), `key = value` lines, and values that continue over several lines (multi-line strings and
/// arrays, inline tables), whose inner lines are never taken for keys.
struct TOMLSourceMap {
    /// A 1-based line and column.
    struct Position: Hashable {
        let line: Int
        let column: Int
    }

    /// One table: its header (nil for the root table) and the keys written directly in it.
    struct Table {
        let name: String?
        let isArrayElement: Bool
        let header: Position
        var keys: [String: Position] = [:]
    }

    /// The root table first, then every table header in file order. The root's keys include the first header of
    /// each top-level table (`defaults` for `[defaults]`), so that problems with a whole table have a position.
    private(set) var tables: [Table]
    /// For each array-of-tables name, the indices in ``tables`` of its elements, in file order.
    private var arrayElements: [String: [Int]] = [:]

    /// Maps `text`.
    init(text: String) {
        var tables = [Table(name: nil, isArrayElement: false, header: Position(line: 1, column: 1))]
        var scanner = ValueScanner()
        // "\r\n" is one Character in Swift: split on it as well as on "\n".
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, line) in lines.enumerated() {
            guard !scanner.isContinuing else {
                scanner.scan(line)
                continue
            }
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let content = line.dropFirst(indent.count)
            let position = Position(line: offset + 1, column: indent.count + 1)
            if content.hasPrefix("[") {
                let isArray = content.hasPrefix("[[")
                let inner = content.dropFirst(isArray ? 2 : 1).prefix { $0 != "]" }
                let name = Self.normalized(key: inner)
                let topLevel = String(name.prefix { $0 != "." })
                if tables[0].keys[topLevel] == nil { tables[0].keys[topLevel] = position }
                tables.append(Table(name: name, isArrayElement: isArray, header: position))
            } else if let equals = Self.keyEnd(in: content) {
                let key = Self.normalized(key: content[..<equals])
                // A dotted key (`a.b = 1`) also marks its first part, the key TOML sees in this table.
                for name in [key, String(key.prefix { $0 != "." })] where tables[tables.count - 1].keys[name] == nil {
                    tables[tables.count - 1].keys[name] = position
                }
                scanner.scan(content[content.index(after: equals)...])
            }
        }
        self.tables = tables
        for (index, table) in tables.enumerated() where table.isArrayElement {
            arrayElements[table.name ?? "", default: []].append(index)
        }
    }

    /// The root table.
    var root: Table { tables[0] }

    /// The first `[name]` table.
    func table(named name: String) -> Table? {
        tables.first { $0.name == name && !$0.isArrayElement }
    }

    /// The `index`-th (0-based) `[[name]]` table.
    func arrayElement(named name: String, at index: Int) -> Table? {
        guard let elements = arrayElements[name], elements.indices.contains(index) else { return nil }
        return tables[elements[index]]
    }

    /// The index of the `=` that ends a key at the start of `content`, outside quotes; nil when it is not a key line.
    private static func keyEnd(in content: Substring) -> Substring.Index? {
        guard let first = content.first, first != "#" else { return nil }
        var quote: Character?
        var index = content.startIndex
        while index < content.endIndex {
            let character = content[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            } else if character == "#" {
                return nil
            }
            index = content.index(after: index)
        }
        return nil
    }

    /// A key or table name without surrounding spaces, and without quotes around each dotted part.
    static func normalized(key: Substring) -> String {
        key.split(separator: ".").map { part in
            let trimmed = part.trimmedOfSpaces
            if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
                return String(trimmed.dropFirst().dropLast())
            }
            return String(trimmed)
        }.joined(separator: ".")
    }
}

/// Follows a value over lines: strings (basic, literal, multi-line), comments, and nesting of `[]` and `{}`.
private struct ValueScanner {
    private enum StringState {
        case none
        case multiLineBasic
        case multiLineLiteral
    }

    private var state = StringState.none
    private var depth = 0

    /// Whether the value goes on on the next line.
    var isContinuing: Bool { state != .none || depth > 0 }

    mutating func scan(_ text: Substring) {
        let characters = Array(text)
        var index = 0
        func starts(with marker: String, at position: Int) -> Bool {
            let quote = marker.first!
            return position + 2 < characters.count && characters[position] == quote
                && characters[position + 1] == quote && characters[position + 2] == quote
        }
        while index < characters.count {
            switch state {
            case .multiLineBasic:
                if characters[index] == "\\" {
                    index += 2
                } else if starts(with: "\"\"\"", at: index) {
                    state = .none
                    index += 3
                } else {
                    index += 1
                }
            case .multiLineLiteral:
                if starts(with: "'''", at: index) {
                    state = .none
                    index += 3
                } else {
                    index += 1
                }
            case .none:
                let character = characters[index]
                if starts(with: "\"\"\"", at: index) {
                    state = .multiLineBasic
                    index += 3
                } else if starts(with: "'''", at: index) {
                    state = .multiLineLiteral
                    index += 3
                } else if character == "\"" || character == "'" {
                    index += 1
                    while index < characters.count, characters[index] != character {
                        index += character == "\"" && characters[index] == "\\" ? 2 : 1
                    }
                    index += 1
                } else if character == "#" {
                    return
                } else {
                    if character == "[" || character == "{" { depth += 1 }
                    if character == "]" || character == "}" { depth = max(0, depth - 1) }
                    index += 1
                }
            }
        }
    }
}
