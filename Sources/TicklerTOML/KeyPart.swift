/// One part of a dotted key or table header as read: its name and where it is written.
struct KeyPart {
    /// The name, quotes removed and escapes resolved.
    let name: String
    /// The part's first character.
    let position: TOMLPosition
    /// ``name``'s word (``TOMLTable/word(of:)``), made once as the key is read.
    let word: UInt64

    /// Whether `byte` may appear in a bare key: `A-Z a-z 0-9 - _`.
    @inline(__always)
    static func isBare(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: true
        default: false
        }
    }

    /// `parts` spelled for a message: `"a.b"` when every part is a bare key, else the TOML spelling `a."b c"`.
    static func display(_ parts: ArraySlice<KeyPart>) -> String {
        let bare = parts.allSatisfy { !$0.name.isEmpty && $0.name.utf8.allSatisfy(isBare) }
        if bare { return "\"" + parts.map(\.name).joined(separator: ".") + "\"" }
        return parts.map { part in
            guard part.name.isEmpty || !part.name.utf8.allSatisfy(isBare) else { return part.name }
            var quoted = "\""
            for scalar in part.name.unicodeScalars {
                switch scalar {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                case "\u{00}"..."\u{1F}", "\u{7F}": quoted += "\\u" + Digits.hex(Int(scalar.value), width: 4)
                default: quoted.unicodeScalars.append(scalar)
                }
            }
            return quoted + "\""
        }.joined(separator: ".")
    }

    /// `parts` as a message names a table: `[a.b]`.
    static func header(_ parts: ArraySlice<KeyPart>) -> String {
        let name = display(parts)
        guard name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 else { return "[" + name + "]" }
        return "[" + name.dropFirst().dropLast() + "]"
    }
}
