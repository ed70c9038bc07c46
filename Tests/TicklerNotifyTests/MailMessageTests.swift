import Foundation
import Testing
import TicklerNotify

/// The mail text: RFC 2047 words for UTF-8 headers, the deterministic Message-ID, no header injection.
@Suite struct MailMessageTests {
    /// The text inside the encoded words of `header`, decoded.
    static func decoded(_ header: String) -> String {
        let words = header.components(separatedBy: "\r\n ").map { word in
            word.replacingOccurrences(of: "=?UTF-8?B?", with: "").replacingOccurrences(of: "?=", with: "")
        }
        return words.map { String(decoding: Data(base64Encoded: $0) ?? Data(), as: UTF8.self) }.joined()
    }

    @Test func aVietnameseSubjectIsEncodedInWordsOfAtMost75Characters() {
        let subject = "Nhắc việc (trước 7d): Gia hạn Thỏa thuận quản lý lao động qua biên giới với châu Văn Sơn"
        let header = MailMessage.encodedHeader(subject, keepAddress: false)
        #expect(header.hasPrefix("=?UTF-8?B?"))
        for word in header.components(separatedBy: "\r\n ") {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
        }
        #expect(Self.decoded(header) == subject)
        #expect(MailMessage.encodedHeader("Plain ASCII", keepAddress: false) == "Plain ASCII")
    }

    @Test func newlinesCannotAddHeaders() {
        let header = MailMessage.encodedHeader("Hello\r\nBcc: victim@example.com", keepAddress: false)
        #expect(!header.contains("\n"))
        #expect(!header.contains("\r"))
    }

    @Test func theMessageCarriesTheKeyAsMessageIDAndAnEncodedFromName() throws {
        let key = DeliveryKey(obligation: "a", due: "d", stage: "due", channel: "m")
        let message = MailMessage(
            from: "Phòng Đối ngoại <tickler@localhost>",
            to: ["a@example.com", "b@example.com"],
            subject: "Đến hạn",
            body: "line\n.\nend",
            key: key,
            date: "Tue, 01 Dec 2026 20:00:00 +0000"
        )
        let lines = message.text.components(separatedBy: "\r\n")
        #expect(lines.contains("Message-ID: <\(key.hex)@tickler-notify>"))
        #expect(lines.contains("To: a@example.com, b@example.com"))
        #expect(lines.contains("Content-Type: text/plain; charset=utf-8"))
        let from = try #require(lines.first { $0.hasPrefix("From: ") })
        #expect(from.hasSuffix(" <tickler@localhost>"))
        #expect(Self.decoded(String(from.dropFirst(6).dropLast(" <tickler@localhost>".count))) == "Phòng Đối ngoại")
        #expect(lines.suffix(4) == ["line", "..", "end", ""])
    }
}
