/// A key compared and hashed by its UTF-8 bytes, as TOML compares keys (Swift's `String` equality would merge
/// canonically equivalent spellings).
struct TOMLKey: Hashable {
    /// The key.
    let text: String

    /// `text` as a key.
    init(_ text: String) {
        self.text = text
    }

    /// Byte-for-byte equality.
    static func == (lhs: TOMLKey, rhs: TOMLKey) -> Bool {
        lhs.text.hasSameUTF8(as: rhs.text)
    }

    /// Hashes the UTF-8 bytes.
    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
