import Foundation
import TicklerNotify
import TicklerTestKit

/// Events, configurations and the real helpers (a webhook server, the checkout's paths) the notifier tests share.
enum NotifyFixtures {
    /// The checkout's root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A due event of obligation `id` routed to `channels`.
    static func event(
        _ id: String,
        title: String = "Thư chúc mừng Quốc khánh Trung Quốc",
        kind: String = "due",
        channels: [String]
    ) -> DeliveryEvent {
        DeliveryEvent(
            kind: kind,
            obligation: id,
            due: "2027-10-01T08:00:00+07:00",
            stage: kind == "reminder" ? "remind-7d" : kind,
            title: title,
            lead: kind == "reminder" ? "7d" : nil,
            partner: "Sở Ngoại vụ Vân Nam",
            message: "due now: \(title) (due 2027-10-01 08:00 +07)",
            channels: channels
        )
    }

    /// The configuration in `text`, read as /etc/tickler/notify.toml.
    static func configuration(_ text: String) throws -> NotifyConfiguration {
        try NotifyConfiguration.load(text: text, path: "/etc/tickler/notify.toml", credentials: nil)
    }

    /// The wall clock, µs since the epoch.
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000) }

    /// Polls `condition` every 50 ms for at most `seconds`; whether it came true.
    static func eventually(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }
}

/// Tests/Notify/webhook-server.py running on 127.0.0.1, answering 503 to the first requests, logging every request.
final class WebhookServer {
    /// The running server.
    let process: Process
    /// The port it listens on.
    let port: Int
    /// Its request log (JSON lines).
    let log: String

    /// Starts the server in `directory`, failing the first `failFirst` requests with 503.
    init(in directory: TemporaryDirectory, failFirst: Int = 0) throws {
        let portFile = directory.file("port")
        log = directory.file("requests.jsonl")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            NotifyFixtures.root.appendingPathComponent("Tests/Notify/webhook-server.py").path, "--port-file", portFile,
            "--log", log, "--fail-first", String(failFirst), "--lifetime", "120",
        ]
        try process.run()
        guard NotifyFixtures.eventually(seconds: 10, { FileManager.default.fileExists(atPath: portFile) }),
            let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text)
        else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileNoSuchFile)
        }
        self.port = port
    }

    deinit {
        // SIGKILL: the test runner's children may inherit a mask that blocks SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The URL of its endpoint.
    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// The requests it received so far, in order.
    func requests() -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }
}
