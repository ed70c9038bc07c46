import Foundation
import Testing
import TicklerJournalSchema

/// The message catalogs in `Deploy/` against the schema: one block per MESSAGE_ID, in every language.
@Suite struct CatalogTests {
    /// One `-- MESSAGE_ID` block of a catalog file.
    struct Block {
        let id: String
        let headers: [String: String]
        let body: String
    }

    /// The blocks of `Deploy/name`, in order.
    static func blocks(_ name: String) throws -> [Block] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Deploy/" + name), encoding: .utf8)
        var blocks: [Block] = []
        for chunk in text.components(separatedBy: "\n-- ").dropFirst() {
            var lines = chunk.components(separatedBy: "\n")
            let id = lines.removeFirst().trimmingCharacters(in: .whitespaces)
            var headers: [String: String] = [:]
            while let line = lines.first, let colon = line.firstIndex(of: ":"), !line.isEmpty {
                headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                lines.removeFirst()
            }
            blocks.append(Block(id: id, headers: headers, body: lines.joined(separator: "\n")))
        }
        return blocks
    }

    @Test(arguments: ["tickler.catalog", "tickler.vi.catalog"])
    func oneBlockPerMessageIDOfTheSchema(file: String) throws {
        let blocks = try Self.blocks(file)
        let ids = blocks.map(\.id)
        #expect(ids.count == Set(ids).count, "a MESSAGE_ID twice in \(file)")
        #expect(Set(ids) == Set(DaemonEventKind.allCases.map(\.messageID)), "\(file) against the schema")
        for block in blocks {
            #expect(block.headers["Subject"]?.isEmpty == false, "\(file) \(block.id): no Subject")
            #expect(block.headers["Defined-By"] == "tickler", "\(file) \(block.id)")
            #expect(!block.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(file) \(block.id)")
        }
    }

    @Test(arguments: ["tickler.catalog", "tickler.vi.catalog"])
    func placeholdersNameSchemaFields(file: String) throws {
        let known = Set(EventField.allCases.map(\.name) + [JournalSchema.messageField])
        for block in try Self.blocks(file) {
            let text = block.headers.values.joined(separator: "\n") + block.body
            let parts = text.components(separatedBy: "@")
            // Placeholders sit between two @: every odd part.
            for (index, part) in parts.enumerated() where index % 2 == 1 {
                #expect(known.contains(part), "\(file) \(block.id): @\(part)@ is not a field of the schema")
            }
        }
    }
}
