import Foundation
public import TicklerJournalSchema

/// One delivery pass: takes the deliveries due from the log, sends them to their channels (those due together for
/// one channel as one digest, where the channel allows), records each outcome in the log, then journals it.
///
/// The log is written before the outcome is journaled and after the channel answered: a crash in between repeats an
/// attempt (under the same idempotency key) rather than losing one.
public struct Dispatcher: Sendable {
    /// The channels.
    public let configuration: NotifyConfiguration
    /// The delivery log.
    public let log: DeliveryLog
    /// Where outcomes are journaled (`TICKLER_EVENT=delivered|delivery-failed|delivery-dead`).
    public let sink: any EventSink
    /// The most deliveries one pass takes.
    public let batchLimit: Int

    /// A dispatcher of `configuration`'s channels over `log`, journaling to `sink`.
    public init(configuration: NotifyConfiguration, log: DeliveryLog, sink: any EventSink, batchLimit: Int = 1000) {
        self.configuration = configuration
        self.log = log
        self.sink = sink
        self.batchLimit = batchLimit
    }

    /// Attempts every delivery due at `now`; returns how many were attempted (``batchLimit`` when more may be due).
    /// - Throws: ``DeliveryLogError`` when the log cannot be read or written.
    @discardableResult
    public func dispatch(now: Int64) async throws(DeliveryLogError) -> Int {
        let due = try await log.due(at: now, limit: batchLimit)
        var order: [String] = []
        var byChannel: [String: [Delivery]] = [:]
        for delivery in due {
            if byChannel[delivery.channel] == nil { order.append(delivery.channel) }
            byChannel[delivery.channel, default: []].append(delivery)
        }
        for name in order {
            let deliveries = byChannel[name] ?? []
            guard let channel = configuration.channels[name] else {
                let error = "channel \"\(name)\" is not defined in notify.toml"
                try await record(deliveries, outcome: .permanent(error), now: now)
                continue
            }
            let batches: [[Delivery]]
            if case .exec = channel.kind {
                batches = deliveries.map { [$0] }
            } else {
                batches = channel.digest && deliveries.count > 1 ? [deliveries] : deliveries.map { [$0] }
            }
            for batch in batches {
                let outcome = await send(batch, through: channel, now: now)
                try await record(batch, outcome: outcome, now: now)
            }
        }
        return due.count
    }

    /// The idempotency key of `batch`: its delivery's own, or the digest's of its members.
    static func key(of batch: [Delivery]) -> DeliveryKey {
        batch.count == 1 ? batch[0].key : DeliveryKey(digestOf: batch.map(\.key))
    }

    /// Sends `batch` (one delivery, or a digest) through `channel`, within the channel's time limit.
    func send(_ batch: [Delivery], through channel: Channel, now: Int64) async -> DeliveryOutcome {
        let key = Self.key(of: batch)
        let renderer = MessageRenderer(channel: channel)
        switch channel.kind {
        case .mail(let settings):
            let message = MailMessage(
                from: settings.from,
                to: settings.to,
                subject: renderer.subject(batch, key: key),
                body: renderer.mailBody(batch, key: key),
                key: key,
                date: Self.mailDate(now)
            )
            return await Deadline.run("sendmail", microseconds: channel.timeout) {
                await MailSender(settings: settings).send(message)
            }
        case .webhook(let settings):
            let body = renderer.webhookBody(batch, key: key)
            let timeout = channel.timeout
            return await WebhookSender(settings: settings).send(body, key: key, timeout: timeout)
        case .exec(let settings):
            let event = batch[0].event
            return await Deadline.run(settings.command[0], microseconds: channel.timeout) {
                await ExecSender(settings: settings).send(event, key: key, channel: channel.name)
            }
        }
    }

    /// Records `outcome` on every delivery of `batch`, then journals it for each.
    private func record(_ batch: [Delivery], outcome: DeliveryOutcome, now: Int64) async throws(DeliveryLogError) {
        var generator = SystemRandomNumberGenerator()
        let updated = batch.map { delivery in
            var next = delivery
            next.attempts = delivery.attempts + 1
            next.lastError = outcome.error
            switch outcome {
            case .sent:
                next.state = .sent
            case .permanent:
                next.state = .dead
            case .temporary:
                if configuration.retry.isExpired(createdAt: delivery.createdAt, now: now) {
                    next.state = .dead
                } else {
                    next.state = .failed
                    let pause = configuration.retry.delay(afterAttempts: next.attempts, using: &generator)
                    next.nextAttemptAt = now.addingReportingOverflow(pause).partialValue
                }
            }
            return next
        }
        try await log.update(updated, now: now)
        for delivery in updated { sink.emit(Self.journalEvent(delivery, digestOf: batch.count)) }
    }

    /// The journal event of `delivery`'s outcome; `digestOf` is how many deliveries its message carried.
    static func journalEvent(_ delivery: Delivery, digestOf count: Int) -> DaemonEvent {
        let event = delivery.event
        let kind: DaemonEventKind
        let message: String
        let digest = count > 1 ? " in a digest of \(count)" : ""
        switch delivery.state {
        case .sent:
            kind = .delivered
            message = "delivered to \(delivery.channel)\(digest): \(event.message)"
        case .dead:
            kind = .deliveryDead
            message = "gave up delivering to \(delivery.channel): \(event.title): \(delivery.lastError ?? "")"
        case .failed, .pending:
            kind = .deliveryFailed
            message =
                "delivery to \(delivery.channel) failed (attempt \(delivery.attempts)): \(delivery.lastError ?? "")"
        }
        var values: [EventField: String] = [
            .obligation: event.obligation, .due: event.due, .stage: event.stage, .title: event.title,
            .channel: delivery.channel, .attempts: String(delivery.attempts), .deliveryKey: delivery.key.hex,
        ]
        values[.error] = delivery.state == .sent ? nil : delivery.lastError
        return DaemonEvent(kind: kind, message: message, values: values)
    }

    /// `now` (µs since the epoch) as an RFC 5322 date in UTC: `Tue, 01 Dec 2026 20:00:00 +0000`.
    static func mailDate(_ now: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: Date(timeIntervalSince1970: Double(now) / 1_000_000))
    }
}
