/// A valid name for a user journal field: 1–64 characters of `A-Z`, `0-9` and `_`, not starting with a digit or `_`.
///
/// Leading underscores are reserved for fields journald itself adds (`_PID`, `_SYSTEMD_UNIT`…).
public struct JournalFieldName: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The longest name journald accepts.
    public static let maximumLength = 64

    /// The name itself, e.g. `TICKLER_OBLIGATION`.
    public let rawValue: String

    /// Accepts `name` exactly as given.
    /// - Throws: `JournalError.invalidFieldName` naming the broken rule.
    public init(_ name: String) throws(JournalError) {
        if let reason = Self.violation(in: name) {
            throw .invalidFieldName(name, reason: reason)
        }
        rawValue = name
    }

    /// Accepts a literal name; an invalid literal is a programming error and traps.
    public init(stringLiteral name: String) {
        do {
            try self.init(name)
        } catch {
            preconditionFailure(error.description)
        }
    }

    /// Derives a field name from a free-form key such as swift-log metadata, or nil if nothing usable is left.
    ///
    /// The rule: ASCII letters are upper-cased, ASCII digits kept, every other character (`.`, `-`, space, non-ASCII)
    /// becomes `_`; leading underscores are dropped; a name that then starts with a digit gets the prefix `F_`; the
    /// result is cut to 64 characters. So `tickler.obligation` → `TICKLER_OBLIGATION`, `obligation` → `OBLIGATION`,
    /// `due-at` → `DUE_AT`, `_pid` → `PID`, `2fa` → `F_2FA`.
    public init?(normalizing key: String) {
        var name = String(
            key.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z": Character(String(scalar).uppercased())
                case "A"..."Z", "0"..."9": Character(scalar)
                default: "_"
                }
            }
        )
        name = String(name.drop { $0 == "_" })
        if name.first?.isNumber == true {
            name = "F_" + name
        }
        name = String(name.prefix(Self.maximumLength))
        guard !name.isEmpty, let valid = try? JournalFieldName(name) else { return nil }
        self = valid
    }

    public var description: String { rawValue }

    public static func < (lhs: JournalFieldName, rhs: JournalFieldName) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    private static func violation(in name: String) -> String? {
        guard let first = name.utf8.first else { return "it is empty" }
        if name.utf8.count > maximumLength { return "longer than \(maximumLength) characters" }
        if first == UInt8(ascii: "_") { return "a leading underscore is reserved for journald's trusted fields" }
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) { return "it starts with a digit" }
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
        return allowed ? nil : "only A-Z, 0-9 and _ are allowed"
    }
}

extension JournalFieldName {
    /// `MESSAGE`: the human-readable text of the entry.
    public static let message: JournalFieldName = "MESSAGE"
    /// `MESSAGE_ID`: the 128-bit ID of the kind of event, for catalogs and filtering.
    public static let messageID: JournalFieldName = "MESSAGE_ID"
    /// `PRIORITY`: the syslog priority, 0–7.
    public static let priority: JournalFieldName = "PRIORITY"
    /// `SYSLOG_IDENTIFIER`: the program's name, as `journalctl -t` filters it.
    public static let syslogIdentifier: JournalFieldName = "SYSLOG_IDENTIFIER"
    /// `CODE_FILE`: the source file that logged the entry.
    public static let codeFile: JournalFieldName = "CODE_FILE"
    /// `CODE_LINE`: the source line that logged the entry.
    public static let codeLine: JournalFieldName = "CODE_LINE"
    /// `CODE_FUNC`: the function that logged the entry.
    public static let codeFunction: JournalFieldName = "CODE_FUNC"
}
