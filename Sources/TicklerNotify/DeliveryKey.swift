/// The idempotency key of one delivery: a digest of (obligation, due, stage, channel), the same wherever and however
/// often it is computed.
///
/// Webhooks carry it in `Idempotency-Key`, mails in their `Message-ID`, commands in `TICKLER_DELIVERY_KEY`, and the
/// delivery log is keyed by it, so an event read twice from the journal is delivered once.
public struct DeliveryKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 32 lower-case hexadecimal digits (the first 128 bits of a SHA-256).
    public let hex: String

    /// The key of `stage` of `obligation` due at `due`, delivered to `channel`.
    public init(obligation: String, due: String, stage: String, channel: String) {
        // NUL separates the parts: no part contains it (journal fields are text), so no two tuples share a digest input.
        hex = String(
            SHA256.hex(["tickler-delivery", obligation, due, stage, channel].joined(separator: "\u{0}")).prefix(32)
        )
    }

    /// The key of a digest message that carries the deliveries `keys`: the same set gives the same key.
    public init(digestOf keys: [DeliveryKey]) {
        let members = keys.map(\.hex).sorted().joined(separator: ",")
        hex = String(SHA256.hex("tickler-digest\u{0}" + members).prefix(32))
    }

    /// A key read back from the delivery log.
    init(hex: String) {
        self.hex = hex
    }

    public var description: String { hex }

    public static func < (lhs: DeliveryKey, rhs: DeliveryKey) -> Bool { lhs.hex < rhs.hex }
}
