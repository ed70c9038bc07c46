import Testing
import TicklerNotify

/// Idempotency keys: stable, distinct per (obligation, due, stage, channel), and for digests per member set.
@Suite struct DeliveryKeyTests {
    @Test func theKeyIsAFixedDigestOfItsFourParts() {
        let key = DeliveryKey(
            obligation: "greeting-cn",
            due: "2027-10-01T08:00:00+07:00",
            stage: "due",
            channel: "chat"
        )
        #expect(key.hex.count == 32)
        #expect(key.hex.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        // Computed once by an independent SHA-256 (Python's hashlib) of the same input.
        #expect(key.hex == "3ab2e12cdb6e0a45b4d5e27d4fbd4d25")
    }

    @Test(
        "every part changes the key",
        arguments: [
            ("greeting-cn ", "2027-10-01T08:00:00+07:00", "due", "chat"),
            ("greeting-cn", "2027-10-01T08:00:00+07:01", "due", "chat"),
            ("greeting-cn", "2027-10-01T08:00:00+07:00", "overdue-1", "chat"),
            ("greeting-cn", "2027-10-01T08:00:00+07:00", "due", "mail"),
            ("greeting-cndue", "2027-10-01T08:00:00+07:00", "", "chat"),
        ]
    )
    func everyPartCounts(obligation: String, due: String, stage: String, channel: String) {
        let reference = DeliveryKey(
            obligation: "greeting-cn",
            due: "2027-10-01T08:00:00+07:00",
            stage: "due",
            channel: "chat"
        )
        #expect(DeliveryKey(obligation: obligation, due: due, stage: stage, channel: channel) != reference)
    }

    @Test func aDigestKeyDependsOnTheSetOfMembersOnly() {
        let keys = (1...3).map { DeliveryKey(obligation: "o\($0)", due: "d", stage: "due", channel: "c") }
        #expect(DeliveryKey(digestOf: keys) == DeliveryKey(digestOf: keys.reversed()))
        #expect(DeliveryKey(digestOf: keys) != DeliveryKey(digestOf: Array(keys.prefix(2))))
    }
}
