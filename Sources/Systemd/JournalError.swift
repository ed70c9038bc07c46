#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A journal field name or message ID was invalid, journald refused an entry, or reading the journal failed.
public enum JournalError: Error, CustomStringConvertible, Equatable {
    /// `name` is not a valid journal field name; `reason` says which rule it breaks.
    case invalidFieldName(_ name: String, reason: String)
    /// `text` is not a 128-bit message ID (32 hex digits, optionally in UUID form with dashes).
    case invalidMessageID(_ text: String)
    /// `sd_journal_sendv` failed with the positive errno `code`.
    case sendFailed(code: Int32)
    /// The sd-journal function `function` (reading the journal) failed with the positive errno `code`.
    case callFailed(_ function: String, code: Int32)

    public var description: String {
        switch self {
        case .invalidFieldName(let name, let reason):
            "invalid journal field name \"\(name)\": \(reason)"
        case .invalidMessageID(let text):
            "invalid MESSAGE_ID \"\(text)\": expected 32 hexadecimal digits (128 bits)"
        case .sendFailed(let code):
            "sd_journal_sendv to /run/systemd/journal/socket failed: \(String(cString: strerror(code)))"
        case .callFailed(let function, let code):
            "\(function) failed: \(String(cString: strerror(code)))"
        }
    }
}
