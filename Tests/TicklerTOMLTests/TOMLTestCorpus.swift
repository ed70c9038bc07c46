import Foundation
import TicklerTOML

/// The language-independent toml-test corpus beside the checkout (`../shared/toml-test/tests`), restricted to the
/// cases its `files-toml-1.0.0` lists, and the comparison of a parsed document with toml-test's tagged JSON.
enum TOMLTestCorpus {
    /// The corpus directory, found from this file: the package root's sibling `shared/toml-test/tests`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TicklerTOMLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/toml-test/tests")

    /// The TOML files of the corpus for TOML 1.0.0 under `kind` (`valid` or `invalid`), as relative paths.
    static func cases(_ kind: String) throws -> [String] {
        let list = try String(contentsOf: directory.appendingPathComponent("files-toml-1.0.0"), encoding: .utf8)
        return list.split(whereSeparator: \.isNewline).map(String.init).filter {
            $0.hasPrefix(kind + "/") && $0.hasSuffix(".toml")
        }
    }

    /// The bytes of a corpus file.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(path)))
    }

    /// The expected document of a valid case, from the JSON file beside it.
    static func expected(_ path: String) throws -> Any {
        let json = directory.appendingPathComponent(String(path.dropLast(".toml".count)) + ".json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: json), options: [.fragmentsAllowed])
    }

    /// Why `table` differs from toml-test's tagged JSON `json`, or nil when they are the same document.
    static func difference(_ table: TOMLTable, _ json: Any, path: String = "") -> String? {
        guard let object = json as? [String: Any] else { return "\(path): expected \(json), found a table" }
        guard object.count == table.count else {
            return "\(path): expected keys \(object.keys.sorted()), found \(table.keys)"
        }
        for entry in table.entries {
            guard let expected = object[entry.key] else { return "\(path): unexpected key \(entry.key)" }
            if let problem = difference(entry.value, expected, path: path + "." + entry.key) { return problem }
        }
        return nil
    }

    /// Why `value` differs from the tagged JSON `json`, or nil.
    static func difference(_ value: TOMLValue, _ json: Any, path: String) -> String? {
        if let leaf = json as? [String: Any], leaf.count == 2, let type = leaf["type"] as? String,
            let text = leaf["value"] as? String
        {
            return leafDifference(value.content, type: type, text: text).map { "\(path): \($0)" }
        }
        switch value.content {
        case .table(let table):
            return difference(table, json, path: path)
        case .array(let elements):
            guard let array = json as? [Any] else { return "\(path): expected \(json), found an array" }
            guard array.count == elements.count else {
                return "\(path): expected \(array.count) elements, found \(elements.count)"
            }
            for (offset, (element, expected)) in zip(elements, array).enumerated() {
                if let problem = difference(element, expected, path: "\(path)[\(offset)]") { return problem }
            }
            return nil
        default:
            return "\(path): expected \(json), found \(value.content)"
        }
    }

    /// Why a scalar differs from a tagged leaf, by toml-test's conventions: floats by value (any nan matches
    /// nan), date-times after normalising the separator, letter case, fraction zeros and a zero offset.
    static func leafDifference(_ content: TOMLValue.Content, type: String, text: String) -> String? {
        let same: Bool
        switch (content, type) {
        case (.string(let string), "string"):
            same = Array(string.unicodeScalars) == Array(text.unicodeScalars)
        case (.integer(let integer), "integer"):
            same = Int64(text) == integer
        case (.float(let float), "float"):
            switch text {
            case "nan", "+nan", "-nan": same = float.isNaN
            case "inf", "+inf": same = float == .infinity
            case "-inf": same = float == -.infinity
            default: same = Double(text) == float
            }
        case (.boolean(let boolean), "bool"):
            same = text == String(boolean)
        case (.offsetDateTime(let dateTime), "datetime"):
            same = normalised(dateTime.description) == normalised(text)
        case (.localDateTime(let dateTime), "datetime-local"):
            same = normalised(dateTime.description) == normalised(text)
        case (.localDate(let date), "date-local"):
            same = date.description == text
        case (.localTime(let time), "time-local"):
            same = normalised(time.description) == normalised(text)
        default:
            same = false
        }
        return same ? nil : "expected \(type) \(text), found \(content)"
    }

    /// A date-time in one spelling: `T`, upper case, no trailing zeros in the fraction, `Z` for a zero offset.
    static func normalised(_ text: String) -> String {
        var result = text.uppercased()
        if result.count > 10, result[result.index(result.startIndex, offsetBy: 10)] == " " {
            result.replaceSubrange(
                result.index(result.startIndex, offsetBy: 10)...result.index(result.startIndex, offsetBy: 10),
                with: "T"
            )
        }
        if result.hasSuffix("+00:00") || result.hasSuffix("-00:00") { result = result.dropLast(6) + "Z" }
        if let dot = result.firstIndex(of: ".") {
            let digitsEnd = result[result.index(after: dot)...].firstIndex { !$0.isNumber } ?? result.endIndex
            var digits = result[result.index(after: dot)..<digitsEnd]
            while digits.last == "0" { digits = digits.dropLast() }
            result = String(result[..<dot]) + (digits.isEmpty ? "" : "." + digits) + result[digitsEnd...]
        }
        return result
    }
}
