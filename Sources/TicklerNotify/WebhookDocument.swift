/// The default JSON body of a webhook: a `text` line for chat systems, the idempotency key, and the event (or, for
/// a digest, the events).
struct WebhookDocument: Encodable {
    /// One event's fields.
    struct Event: Encodable {
        let event: String
        let obligation: String
        let title: String
        let due: String
        let stage: String
        let lead: String?
        let partner: String?
        let message: String
        let acknowledge: String
        let key: String
        let text: String

        /// The fields of `event`, delivered under `key`, with its one-line `text`.
        init(_ event: DeliveryEvent, key: DeliveryKey, text: String) {
            self.event = event.kind
            obligation = event.obligation
            title = event.title
            due = event.due
            stage = event.stage
            lead = event.lead
            partner = event.partner
            message = event.message
            acknowledge = event.acknowledgeCommand
            self.key = key.hex
            self.text = text
        }
    }

    /// The one-line summary (the mail subject's text).
    let text: String
    /// The idempotency key, as in the `Idempotency-Key` header.
    let key: String
    /// The channel's name.
    let channel: String
    /// The event, for one.
    let event: Event?
    /// The events, for a digest.
    let events: [Event]?
    /// How many events a digest holds.
    let count: Int?
}
