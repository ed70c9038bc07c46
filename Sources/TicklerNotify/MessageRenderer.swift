import Foundation
import Mustache

/// Renders a channel's messages from its templates (or its language's defaults): mail subjects and bodies, webhook
/// bodies, for one event or a digest of several.
struct MessageRenderer: Sendable {
    /// The channel rendered for.
    let channel: Channel

    /// The template values of `event`.
    func values(_ event: DeliveryEvent, key: DeliveryKey) -> [String: Any] {
        var values: [String: Any] = [
            "kind": event.kind, "obligation": event.obligation, "title": event.title, "due": event.due,
            "dueText": event.dueText, "stage": event.stage, "message": event.message, "ack": event.acknowledgeCommand,
            "channel": channel.name, "key": key.hex,
            "isReminder": event.kind == "reminder", "isDue": event.kind == "due", "isOverdue": event.kind == "overdue",
            "isEscalated": event.kind == "escalated",
        ]
        values["lead"] = event.lead
        values["partner"] = event.partner
        return values
    }

    /// The template values of `deliveries`: one event's values, or for several `count`, `events` and `key`.
    func values(_ deliveries: [Delivery], key: DeliveryKey) -> [String: Any] {
        if deliveries.count == 1, let only = deliveries.first { return values(only.event, key: only.key) }
        return [
            "count": deliveries.count, "channel": channel.name, "key": key.hex,
            "events": deliveries.map { values($0.event, key: $0.key) },
        ]
    }

    /// A mail's subject, one line.
    func subject(_ deliveries: [Delivery], key: DeliveryKey) -> String {
        let template =
            deliveries.count == 1
            ? channel.templates.subject ?? DefaultTemplates.subject(channel.language)
            : DefaultTemplates.digestSubject(channel.language)
        return String(render(template, values(deliveries, key: key)).map { $0.isNewline ? " " : $0 })
    }

    /// A mail's body.
    func mailBody(_ deliveries: [Delivery], key: DeliveryKey) -> String {
        let template =
            deliveries.count == 1
            ? channel.templates.body ?? DefaultTemplates.body(channel.language)
            : DefaultTemplates.digestBody(channel.language)
        return render(template, values(deliveries, key: key))
    }

    /// A webhook's JSON body: the channel's template with JSON-escaped values, or the default document with the
    /// event's fields and a `text` line (for a digest, `digest`, `count` and `events`).
    func webhookBody(_ deliveries: [Delivery], key: DeliveryKey) -> String {
        if let template = channel.templates.body {
            _ = JSONStringContent.registered
            return render(template, values(deliveries, key: key), contentType: JSONStringContent.name)
        }
        let subject = subject(deliveries, key: key)
        let events = deliveries.map {
            WebhookDocument.Event($0.event, key: $0.key, text: self.subject([$0], key: $0.key))
        }
        let document =
            deliveries.count == 1
            ? WebhookDocument(
                text: subject,
                key: key.hex,
                channel: channel.name,
                event: events.first,
                events: nil,
                count: nil
            )
            : WebhookDocument(
                text: subject,
                key: key.hex,
                channel: channel.name,
                event: nil,
                events: events,
                count: deliveries.count
            )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(document), as: UTF8.self)) ?? "{}"
    }

    /// `template` rendered with `values`, with `contentType`'s escaping (none by default: plain text).
    private func render(_ template: String, _ values: [String: Any], contentType: String = "TEXT") -> String {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: \(contentType)}}" + template).render(values)
        } catch {
            // The loader parsed every template already; a default that does not parse is a bug, shown as the text.
            return "\(error)"
        }
    }
}
