/// How many terminal columns text takes: combining marks take none, East Asian wide characters two.
///
/// Vietnamese titles in decomposed form (a base letter plus combining tone marks) and Chinese partner names
/// must line up in tables, so columns are padded by display width rather than by character count.
enum DisplayWidth {
    /// The number of columns `text` occupies on a terminal.
    static func of(_ text: some StringProtocol) -> Int {
        if let width = text.utf8.withContiguousStorageIfAvailable(latinWidth), let width { return width }
        return text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The width of text whose scalars are all below U+0300 or in Latin Extended Additional (ASCII, Latin-1 and
    /// the Latin letters of Vietnamese, precomposed), read from its UTF-8 bytes as ``width(of:)`` measures each
    /// scalar; nil for any other text (or bytes that are not UTF-8), which is measured scalar by scalar.
    private static func latinWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Counts stay below the buffer's length, so the arithmetic cannot overflow.
        var width = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                // Controls (C0 and DEL) take no column: one column for 0x20…0x7E, without a branch.
                width &+= lead &- 0x20 < 0x5F ? 1 : 0
                index &+= 1
            } else if lead >= 0xC2 && lead < 0xCC, index &+ 1 < count {
                // U+0080…U+02FF: C1 controls (U+0080…U+009F, 0xC2 0x80…0x9F) take none, the others one.
                width &+= lead != 0xC2 || bytes[index &+ 1] >= 0xA0 ? 1 : 0
                index &+= 2
            } else if lead == 0xE1, index &+ 2 < count, bytes[index &+ 1] >= 0xB8, bytes[index &+ 1] <= 0xBB {
                // U+1E00…U+1EFF.
                width &+= 1
                index &+= 3
            } else {
                return nil
            }
        }
        return width
    }

    /// The width of `text` when it is shown as it is, without escapes (``Terminal/escaped(_:)`` keeps it), and is
    /// read byte by byte as ``latinWidth(_:)`` reads it: printable ASCII, Latin-1 and U+0100…U+02FF, Vietnamese
    /// precomposed letters. Nil for any other text, which is escaped and measured the general way. One scan does
    /// what the escaping check and the measure do in two, for the cells of a usual table.
    static func plainWidth(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable(plainLatinWidth) ?? nil
    }

    /// ``plainWidth(_:)`` of these bytes.
    private static func plainLatinWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        // Each scalar read is one column. Counts stay below the buffer's length, so the arithmetic cannot overflow.
        var width = 0
        var index = 0
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index < count {
            // Eight printable ASCII bytes at once: none with its high bit set, none below 0x20, none 0x7F.
            if index &+ 8 <= count {
                let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let delete = word ^ (ones &* 0x7F)
                if (word | ((word &- ones &* 0x20) & ~word) | ((delete &- ones) & ~delete)) & highs == 0 {
                    width &+= 8
                    index &+= 8
                    continue
                }
            }
            // Otherwise the scalars of the next eight bytes or so, one by one.
            let stop = min(index &+ 8, count)
            while index < stop {
                let lead = base[index]
                if lead &- 0x20 < 0x5F {
                    index &+= 1
                } else if lead >= 0xC2 && lead < 0xCC, index &+ 1 < count, lead != 0xC2 || base[index &+ 1] >= 0xA0 {
                    // U+00A0…U+02FF, C1 controls (0xC2 0x80…0x9F) left to the escaping.
                    index &+= 2
                } else if lead == 0xE1, index &+ 2 < count, base[index &+ 1] >= 0xB8, base[index &+ 1] <= 0xBB {
                    // U+1E00…U+1EFF.
                    index &+= 3
                } else {
                    return nil
                }
                width &+= 1
            }
        }
        return width
    }

    /// The columns one scalar occupies: 0, 1 or 2.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1 }
        // Latin Extended Additional (Vietnamese precomposed letters): letters, one column each.
        if (0x1E00...0x1EFF).contains(value) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(value) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode Standard Annex #11), the ones that occur in practice.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// `text` padded with spaces on the right to `columns` display columns.
    static func padded(_ text: String, to columns: Int) -> String {
        let width = of(text)
        return width >= columns ? text : text + String(repeating: " ", count: columns - width)
    }

    /// `text` cut to at most `columns` display columns, ending in `…` when cut.
    static func truncated(_ text: String, to columns: Int) -> String {
        guard of(text) > columns, columns > 0 else { return text }
        var result = ""
        var used = 0
        for character in text {
            let width = of(String(character))
            if used + width > columns - 1 { break }
            result.append(character)
            used += width
        }
        return result + "…"
    }
}
