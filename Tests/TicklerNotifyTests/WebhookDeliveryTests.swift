import Foundation
import Testing
import TicklerJournalSchema
import TicklerNotify
import TicklerTestKit

/// Webhooks against a real HTTP server on 127.0.0.1 that answers 503 before it accepts.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct WebhookDeliveryTests {
    @Test func retriesAfter503CarryTheSameIdempotencyKeyUntilAccepted() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = try WebhookServer(in: directory, failFirst: 4)
        let configuration = try NotifyFixtures.configuration(
            "[channel.chat]\nkind = \"webhook\"\nurl = \"\(server.url)\"\ndigest = false\n"
                + "headers = { Authorization = \"Bearer t\" }\n"
        )
        let log = try DeliveryLog(path: directory.file("deliveries.sqlite"))
        let sink = RecordingSink()
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: sink)
        let events = [NotifyFixtures.event("a", channels: ["chat"]), NotifyFixtures.event("b", channels: ["chat"])]
        let start = NotifyFixtures.now()
        try await log.enqueue(events, cursor: "c1", now: start)
        // Reading the same entries again writes nothing.
        #expect(try await log.enqueue(events, cursor: "c1", now: start).isEmpty)

        #expect(try await dispatcher.dispatch(now: start) == 2)
        #expect(try await dispatcher.dispatch(now: start + 400_000) == 0, "retried before its pause")
        #expect(try await dispatcher.dispatch(now: start + 1_000_000) == 2)
        #expect(try await dispatcher.dispatch(now: start + 3_000_000) == 2)
        #expect(try await dispatcher.dispatch(now: start + 3_000_001) == 0)

        let requests = server.requests()
        #expect(requests.map { $0["status"] as? Int } == [503, 503, 503, 503, 200, 200])
        let keys = requests.compactMap { $0["key"] as? String }
        let expected = events.map { $0.key(channel: "chat").hex }
        #expect(keys == expected + expected + expected)
        let headers = try #require(requests.last?["headers"] as? [String: String])
        #expect(headers["authorization"] == "Bearer t")
        #expect(headers["content-type"] == "application/json; charset=utf-8")
        let body = try #require((requests.last?["body"] as? String)?.data(using: .utf8))
        let document = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let event = try #require(document["event"] as? [String: Any])
        #expect(event["obligation"] as? String == "b")
        #expect(event["title"] as? String == "Thư chúc mừng Quốc khánh Trung Quốc")
        #expect(event["acknowledge"] as? String == "ticklerctl ack b --due 2027-10-01T08:00:00+07:00")
        #expect(document["key"] as? String == expected[1])

        let rows = try await log.deliveries()
        #expect(rows.map(\.state) == [.sent, .sent])
        #expect(rows.map(\.attempts) == [3, 3])
        #expect(
            sink.events.elements.map(\.kind) == [
                .deliveryFailed, .deliveryFailed, .deliveryFailed, .deliveryFailed, .delivered, .delivered,
            ]
        )
        #expect(sink.events.elements[0].values[.error]?.hasPrefix("HTTP 503 from \(server.url)") == true)
        #expect(sink.events.elements[4].values[.attempts] == "3")
        #expect(sink.events.elements[4].values[.channel] == "chat")
        #expect(sink.events.elements[4].values[.deliveryKey] == expected[0])
        #expect(try await log.queue().length == 0)
    }

    @Test func eventsDueTogetherGoAsOneDigestUnderOneKey() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = try WebhookServer(in: directory)
        let configuration = try NotifyFixtures.configuration(
            "[channel.chat]\nkind = \"webhook\"\nurl = \"\(server.url)\"\n"
        )
        let log = try DeliveryLog(path: directory.file("deliveries.sqlite"))
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: RecordingSink())
        let events = (1...3).map { NotifyFixtures.event("o\($0)", channels: ["chat"]) }
        let now = NotifyFixtures.now()
        try await log.enqueue(events, cursor: nil, now: now)
        #expect(try await dispatcher.dispatch(now: now) == 3)
        let requests = server.requests()
        #expect(requests.count == 1)
        let keys = events.map { $0.key(channel: "chat") }
        #expect(requests.first?["key"] as? String == DeliveryKey(digestOf: keys).hex)
        let body = try #require((requests.first?["body"] as? String)?.data(using: .utf8))
        let document = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(document["count"] as? Int == 3)
        let members = try #require(document["events"] as? [[String: Any]])
        #expect(members.compactMap { $0["key"] as? String } == keys.map(\.hex))
        #expect(try await log.deliveries().map(\.state) == [.sent, .sent, .sent])
    }

    @Test func aTemplateBodyEscapesValuesAsJSON() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = try WebhookServer(in: directory)
        let configuration = try NotifyFixtures.configuration(
            """
            [channel.chat]
            kind = "webhook"
            url = "\(server.url)"
            body = '{"text": "{{title}} ({{dueText}})", "ack": "{{ack}}"}'
            """
        )
        let log = try DeliveryLog(path: directory.file("deliveries.sqlite"))
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: RecordingSink())
        let title = "Quote \" backslash \\ newline \n <b>&"
        try await log.enqueue([NotifyFixtures.event("a", title: title, channels: ["chat"])], cursor: nil, now: 0)
        #expect(try await dispatcher.dispatch(now: 0) == 1)
        let body = try #require((server.requests().first?["body"] as? String)?.data(using: .utf8))
        let document = try #require(try JSONSerialization.jsonObject(with: body) as? [String: String])
        #expect(document["text"] == title + " (2027-10-01 08:00 +07:00)")
        #expect(document["ack"] == "ticklerctl ack a --due 2027-10-01T08:00:00+07:00")
    }

    @Test func aChannelNotDefinedIsGivenUpAtOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try DeliveryLog(path: directory.file("deliveries.sqlite"))
        let sink = RecordingSink()
        let dispatcher = Dispatcher(configuration: NotifyConfiguration(channels: []), log: log, sink: sink)
        try await log.enqueue([NotifyFixtures.event("a", channels: ["nowhere"])], cursor: nil, now: 0)
        #expect(try await dispatcher.dispatch(now: 0) == 1)
        #expect(try await log.deliveries().map(\.state) == [.dead])
        #expect(sink.events.elements.map(\.kind) == [.deliveryDead])
        #expect(sink.events.elements.first?.values[.error] == "channel \"nowhere\" is not defined in notify.toml")
    }

    @Test func aFailureAfterTheWindowIsDead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = try WebhookServer(in: directory, failFirst: 10)
        let configuration = try NotifyFixtures.configuration(
            "[retry]\ngive-up = \"10s\"\n[channel.chat]\nkind = \"webhook\"\nurl = \"\(server.url)\"\n"
        )
        let log = try DeliveryLog(path: directory.file("deliveries.sqlite"))
        let dispatcher = Dispatcher(configuration: configuration, log: log, sink: RecordingSink())
        try await log.enqueue([NotifyFixtures.event("a", channels: ["chat"])], cursor: nil, now: 0)
        try await dispatcher.dispatch(now: 0)
        #expect(try await log.deliveries().map(\.state) == [.failed])
        try await dispatcher.dispatch(now: 10_000_000)
        #expect(try await log.deliveries().map(\.state) == [.dead])
        #expect(try await dispatcher.dispatch(now: 100_000_000) == 0)
        #expect(server.requests().count == 2)
    }
}
