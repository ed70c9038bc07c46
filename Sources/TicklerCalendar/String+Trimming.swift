extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        // Nothing to trim when neither end is one of an ASCII set's bytes: the common case, without building a set.
        if set.utf8.allSatisfy({ $0 < 0x80 }), let head = utf8.first, let tail = utf8.last,
            !set.utf8.contains(head), !set.utf8.contains(tail)
        {
            return self
        }
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }),
            let last = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
