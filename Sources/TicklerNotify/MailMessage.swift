import Foundation

/// An RFC 5322 message for sendmail: UTF-8 headers as RFC 2047 encoded words, a deterministic `Message-ID`, a
/// UTF-8 plain-text body.
public struct MailMessage: Sendable, Hashable {
    /// `From:`.
    public var from: String
    /// `To:`.
    public var to: [String]
    /// The subject, any text: newlines become spaces, non-ASCII is encoded.
    public var subject: String
    /// The plain-text body.
    public var body: String
    /// The idempotency key: `Message-ID: <KEY@tickler-notify>`, so a re-sent mail is recognisably the same.
    public var key: DeliveryKey
    /// The `Date:` value (RFC 5322), e.g. `Tue, 01 Dec 2026 20:00:00 +0000`.
    public var date: String

    /// A message with every part given.
    public init(from: String, to: [String], subject: String, body: String, key: DeliveryKey, date: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.key = key
        self.date = date
    }

    /// The `Message-ID` value.
    public var messageID: String { "<\(key.hex)@tickler-notify>" }

    /// The whole message, CRLF line ends, as sendmail reads it on standard input.
    public var text: String {
        var lines = [
            "From: " + Self.encodedHeader(from, keepAddress: true),
            "To: " + to.joined(separator: ", "),
            "Subject: " + Self.encodedHeader(subject, keepAddress: false),
            "Date: " + date,
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "Auto-Submitted: auto-generated",
            "X-Tickler-Delivery-Key: " + key.hex,
            "",
        ]
        // A line of a lone "." ends input for some sendmails; -i is passed too, but keep the body safe either way.
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            lines.append(trimmed == "." ? ".." : String(trimmed))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Whether `text` is one line without control characters (safe in a header or as an argument).
    public static func isHeaderSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }

    /// `text` as a header value: ASCII stays as it is; otherwise RFC 2047 `=?UTF-8?B?…?=` words of at most 75
    /// characters, split between characters, folded with CRLF and a space. With `keepAddress`, an angle-bracket
    /// address at the end stays readable after the encoded display name.
    public static func encodedHeader(_ text: String, keepAddress: Bool) -> String {
        let line = String(text.map { $0.isNewline ? " " : $0 }).filter {
            !$0.unicodeScalars.contains { $0.value < 0x20 }
        }
        if line.unicodeScalars.allSatisfy({ $0.isASCII }) { return line }
        if keepAddress, let open = line.lastIndex(of: "<"), line.hasSuffix(">") {
            let name = line[..<open].trimmingCharacters(in: .whitespaces)
            return encodedWords(String(name)) + " " + line[open...]
        }
        return encodedWords(line)
    }

    /// `text` as RFC 2047 base64 encoded words, each whole UTF-8 characters and at most 75 characters long.
    static func encodedWords(_ text: String) -> String {
        // 75 − len("=?UTF-8?B?") − len("?=") = 63 characters of base64: at most 45 bytes of UTF-8 per word.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }
}
