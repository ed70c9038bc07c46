/// A lunar-calendar value in text that could not be understood; the description names the bad part.
public struct LunarParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was being parsed.
    public enum Subject: String, Hashable, Sendable {
        case calendar
        case lunarDate = "lunar date"
        case leapPolicy = "leap policy"
        case solarTerm = "solar term"
        case adjustment
        case holidays
        case workdays
    }

    /// What was being parsed.
    public let kind: Subject
    /// The offending text.
    public let text: String
    /// Why it was rejected, and what is expected instead.
    public let reason: String

    /// Creates an error for `text` parsed as `kind`.
    public init(kind: Subject, text: String, reason: String) {
        self.kind = kind
        self.text = text
        self.reason = reason
    }

    /// `bad solar term "qinming": expected one of …`.
    public var description: String { "bad \(kind.rawValue) \"\(text)\": \(reason)" }
}
