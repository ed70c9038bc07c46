import Testing

@testable import TicklerTOML

/// The sizes the reader's memory depends on (benchmarks measure the memory itself; these keep its reasons).
@Suite("TOML node layout")
struct TOMLNodeLayoutTests {
    @Test func aKeyNodeIsTheSizeOfAFinishedEntry() {
        // A table's finished entries then take the memory its nodes give back as the document is built, instead
        // of a second copy of every table: 125 → 99 MiB peak for `ticklerctl list` of 100,000 obligations.
        #expect(MemoryLayout<DocumentBuilder.EntryNode>.stride == MemoryLayout<TOMLTable.Entry>.stride)
    }

    @Test func aTableNodeTakesFortyBytes() {
        #expect(MemoryLayout<DocumentBuilder.TableNode>.stride == 40)
    }

    @Test func depthsAndSectionsBeyondFourBytesAreClampedNotTrapped() {
        var node = DocumentBuilder.TableNode(
            position: TOMLPosition(line: 1, column: 1),
            origin: .header,
            depth: Int.max
        )
        node.dottedSection = Int.min
        #expect(node.depth == Int(Int32.max))
        #expect(node.dottedSection == Int(Int32.min))
        node.dottedSection = 7
        #expect(node.dottedSection == 7)
    }
}
