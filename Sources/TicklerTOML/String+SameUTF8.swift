extension String {
    /// Whether the two strings are the same bytes of UTF-8: how TOML compares keys. `==` would also take canonically
    /// equivalent spellings as equal, and `utf8.elementsEqual` walks both views a byte at a time through their
    /// index type, several times slower than comparing the two buffers (and so is `elementsEqual` on the buffers,
    /// through their iterators).
    func hasSameUTF8(as other: String) -> Bool {
        let count = utf8.count
        guard other.utf8.count == count else { return false }
        let compared = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs in
                for index in 0..<count where lhs[index] != rhs[index] { return false }
                return true
            }
        }
        // Native Swift strings are contiguous; a foreign one is compared through its views.
        return (compared ?? nil) ?? utf8.elementsEqual(other.utf8)
    }
}
