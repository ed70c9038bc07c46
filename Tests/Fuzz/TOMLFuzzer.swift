// fuzz-sources: TicklerTOML
// fuzz-seeds: ../shared/toml-test/tests
//
// libFuzzer target for Tickler's TOML reader: any bytes must give a document or a TOMLError, never a trap, a hang
// or a memory error, and reading the same text as bytes or as a String must give the same answer.
// Run through Tests/Fuzz/run-fuzzers.sh.

import TicklerTOML

/// Reads one input; traps (and so reports a crash) only when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let lines = bytes.count { $0 == 0x0A } + 1
    let fromBytes: String
    do {
        let table = try TOMLParser().parse(bytes: bytes)
        precondition(positionsInside(table, lines: lines), "a position outside the document")
        fromBytes = dump(table)
    } catch {
        precondition(error.line >= 1 && error.line <= lines && error.column >= 1, "error outside: \(error)")
        fromBytes = error.description
    }
    if let text = String(validating: bytes, as: UTF8.self) {
        let fromText: String
        do {
            fromText = dump(try TOMLParser().parse(text))
        } catch {
            fromText = error.description
        }
        precondition(fromText == fromBytes, "bytes and text disagree: \(fromBytes) / \(fromText)")
    }
    return 0
}

/// Whether every key and value of `table` lies within `lines` lines.
private func positionsInside(_ table: TOMLTable, lines: Int) -> Bool {
    var pending: [TOMLTable] = [table]
    var values: [TOMLValue] = []
    while !pending.isEmpty || !values.isEmpty {
        if let next = pending.popLast() {
            for entry in next.entries {
                guard entry.keyPosition.line <= lines, entry.keyPosition.column >= 1 else { return false }
                values.append(entry.value)
            }
        }
        while let value = values.popLast() {
            guard value.position.line >= 1, value.position.line <= lines, value.position.column >= 1 else {
                return false
            }
            switch value.content {
            case .table(let inner): pending.append(inner)
            case .array(let elements): values += elements
            default: break
            }
        }
    }
    return true
}

/// A textual form of a document, iterative so that deep documents cannot overflow the stack here either.
private func dump(_ table: TOMLTable) -> String {
    var text = ""
    var pending: [TOMLValue] = [TOMLValue(.table(table), at: table.position)]
    while let value = pending.popLast() {
        text += "\(value.position)"
        switch value.content {
        case .table(let inner):
            text += "{"
            for entry in inner.entries.reversed() {
                text += entry.key + "@\(entry.keyPosition),"
                pending.append(entry.value)
            }
        case .array(let elements):
            text += "[\(elements.count)"
            pending += elements.reversed()
        default:
            text += "\(value.content);"
        }
    }
    return text
}
