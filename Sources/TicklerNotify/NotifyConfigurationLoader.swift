import Foundation
import Mustache
import TicklerCalendar
import TicklerSchedule
import TicklerTOML

/// Reads notify.toml files into a ``NotifyConfiguration``, collecting every problem with its place.
struct NotifyConfigurationLoader {
    /// The top-level keys.
    static let rootKeys = ["channel", "retry"]
    /// The keys of `[retry]`.
    static let retryKeys = ["first", "longest", "give-up"]
    /// The keys every channel may hold.
    static let commonKeys = ["kind", "language", "subject", "body", "digest", "timeout"]
    /// The keys of each kind.
    static let kindKeys: [String: [String]] = [
        "mail": ["to", "from", "sendmail"],
        "webhook": ["url", "headers"],
        "exec": ["command", "environment"],
    ]
    /// The kinds, in the order the documentation gives them.
    static let kinds = ["mail", "webhook", "exec"]

    /// Substitutes credentials, or only checks references when nil.
    let credentials: CredentialSource?
    /// The channels read so far.
    private var channels: [Channel] = []
    /// Where each channel was first defined.
    private var firstPlace: [String: String] = [:]
    /// The retry policy, from the last `[retry]` table.
    private var retry = RetryPolicy()
    /// The files added.
    private var files: [String] = []
    /// The problems so far.
    private var diagnostics: [NotifyDiagnostic] = []

    /// A loader substituting `credentials`.
    init(credentials: CredentialSource?) {
        self.credentials = credentials
    }

    /// Records a problem found outside any file's content.
    mutating func report(_ diagnostic: NotifyDiagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The configuration of the files added.
    /// - Throws: ``NotifyConfigurationError`` with every problem.
    func finish() throws(NotifyConfigurationError) -> NotifyConfiguration {
        guard diagnostics.isEmpty else { throw NotifyConfigurationError(diagnostics: diagnostics) }
        return NotifyConfiguration(channels: channels, retry: retry, files: files)
    }

    /// Reads one file's text.
    mutating func add(text: String, path: String) {
        files.append(path)
        let root: TOMLTable
        do {
            root = try TOMLParser().parse(text)
        } catch {
            report(
                NotifyDiagnostic(
                    file: path,
                    line: error.line,
                    column: error.column,
                    channel: nil,
                    key: nil,
                    message: error.message
                )
            )
            return
        }
        var reader = NotifyTableReader(table: root, file: path, channel: nil)
        reader.reportUnknownKeys(known: Self.rootKeys)
        if let retryTable = reader.table("retry") {
            var retryReader = NotifyTableReader(table: retryTable, file: path, channel: nil)
            retryReader.reportUnknownKeys(known: Self.retryKeys)
            let first = retryReader.duration("first") ?? retry.firstDelay
            let longest = retryReader.duration("longest") ?? retry.longestDelay
            let window = retryReader.duration("give-up") ?? retry.window
            if longest < first { retryReader.report("longest", "must not be shorter than \"first\"") }
            retry = RetryPolicy(firstDelay: first, longestDelay: longest, window: window)
            diagnostics += retryReader.diagnostics
        }
        if let channelTable = reader.table("channel") {
            for entry in channelTable.entries {
                guard let table = entry.value.table else {
                    reader.report(
                        "channel",
                        "expected [channel.NAME] tables, found \"\(entry.key)\" = a TOML \(entry.value.content.kindName)"
                    )
                    continue
                }
                var channelReader = NotifyTableReader(table: table, file: path, channel: entry.key)
                if let channel = readChannel(entry.key, &channelReader) {
                    channels.append(channel)
                }
                diagnostics += channelReader.diagnostics
            }
        }
        diagnostics += reader.diagnostics
    }

    /// The channel `name` in `reader`'s table, or nil when it has problems (reported).
    private mutating func readChannel(_ name: String, _ reader: inout NotifyTableReader) -> Channel? {
        let place = "\(reader.file):\(reader.table.position)"
        if !NotifyRouting.isChannelName(name) {
            reader.report(nil, "invalid channel name (use letters, digits, \"-\" and \"_\")")
        }
        if let first = firstPlace[name] {
            reader.report(nil, "channel defined twice (first at \(first))")
        } else {
            firstPlace[name] = place
        }
        guard let kindName = reader.requiredString("kind") else { return nil }
        guard let ownKeys = Self.kindKeys[kindName] else {
            reader.report(
                "kind",
                "unknown kind \"\(kindName)\" (expected mail, webhook or exec)"
                    + Suggestion.hint(for: kindName, among: Self.kinds)
            )
            return nil
        }
        reader.reportUnknownKeys(known: Self.commonKeys + ownKeys) { key in
            guard let other = Self.kinds.first(where: { Self.kindKeys[$0]?.contains(key) == true }) else { return nil }
            return "key of \(other) channels, not of \(kindName) ones"
        }
        let problems = reader.diagnostics.count
        let language = readLanguage(&reader)
        let templates = readTemplates(&reader, kind: kindName)
        let digest = reader.boolean("digest") ?? (kindName != "exec")
        let timeout = reader.duration("timeout") ?? (kindName == "exec" ? 60_000_000 : 30_000_000)
        let kind: ChannelKind?
        switch kindName {
        case "mail": kind = readMail(&reader)
        case "webhook": kind = readWebhook(&reader)
        default: kind = readExec(&reader)
        }
        guard let kind, reader.diagnostics.count == problems else { return nil }
        return Channel(
            name: name,
            kind: kind,
            language: language,
            templates: templates,
            digest: digest,
            timeout: timeout,
            source: place
        )
    }

    /// `language`: `en` (default) or `vi`.
    private func readLanguage(_ reader: inout NotifyTableReader) -> MessageLanguage {
        guard let text = reader.string("language") else { return .english }
        guard let language = MessageLanguage(rawValue: text) else {
            reader.report("language", "unknown language \"\(text)\" (expected \"en\" or \"vi\")")
            return .english
        }
        return language
    }

    /// `subject` and `body`, each checked by parsing it as a mustache template.
    private func readTemplates(_ reader: inout NotifyTableReader, kind: String) -> MessageTemplates {
        var templates = MessageTemplates()
        for key in ["subject", "body"] {
            guard let text = reader.string(key) else { continue }
            if key == "subject", kind != "mail" {
                reader.report(key, "only mail channels have a subject")
                continue
            }
            do {
                _ = try MustacheTemplate(string: text)
            } catch {
                reader.report(key, "invalid template: \(error)")
                continue
            }
            if key == "subject" { templates.subject = text } else { templates.body = text }
        }
        return templates
    }

    /// A mail channel's `to`, `from` and `sendmail`.
    private func readMail(_ reader: inout NotifyTableReader) -> ChannelKind? {
        let to = reader.strings("to")
        if reader.contains("to") == false { reader.report(nil, "missing required key \"to\"") }
        if let to, to.isEmpty { reader.report("to", "must name at least one address") }
        // Bare addresses only (`user@host`, or a local user): sendmail takes each as one argument.
        for address in to ?? []
        where address.isEmpty || address.hasPrefix("-")
            || address.unicodeScalars.contains(where: {
                $0.value <= 0x20 || $0.value == 0x7F || "<>,;\"()".unicodeScalars.contains($0)
            })
        {
            reader.report("to", "invalid address \"\(address)\" (write a bare address such as \"clerk@example.org\")")
        }
        let from = reader.string("from") ?? "Tickler <tickler@localhost>"
        if !MailMessage.isHeaderSafe(from) { reader.report("from", "must be one line of printable text") }
        let sendmail = reader.string("sendmail") ?? "/usr/sbin/sendmail"
        if !sendmail.hasPrefix("/") { reader.report("sendmail", "must be an absolute path") }
        guard let to else { return nil }
        return .mail(MailSettings(to: to, from: from, sendmail: sendmail))
    }

    /// A webhook channel's `url` and `headers`.
    private func readWebhook(_ reader: inout NotifyTableReader) -> ChannelKind? {
        guard let rawURL = reader.requiredString("url") else { return nil }
        let url = substitute(rawURL, key: "url", &reader)
        if !(rawURL.hasPrefix("http://") || rawURL.hasPrefix("https://")) {
            reader.report("url", "expected an http:// or https:// URL, found \"\(rawURL)\"")
        }
        var headers: [(name: String, value: String)] = []
        for (name, value) in reader.stringTable("headers") ?? [] {
            let isToken =
                !name.isEmpty
                && name.utf8.allSatisfy { byte in
                    (0x21...0x7E).contains(byte) && !"()<>@,;:\\\"/[]?={}".utf8.contains(byte)
                }
            if !isToken { reader.report("headers", "invalid header name \"\(name)\"") }
            if ["content-length", "host", "idempotency-key", "transfer-encoding"].contains(name.lowercased()) {
                reader.report("headers", "header \"\(name)\" is set by tickler-notify")
            }
            let resolved = substitute(value, key: "headers", &reader)
            if !MailMessage.isHeaderSafe(resolved) { reader.report("headers", "header \"\(name)\" must be one line") }
            headers.append((name, resolved))
        }
        return .webhook(WebhookSettings(url: url, headers: headers))
    }

    /// An exec channel's `command` and `environment`.
    private func readExec(_ reader: inout NotifyTableReader) -> ChannelKind? {
        if reader.contains("command") == false { reader.report(nil, "missing required key \"command\"") }
        guard let command = reader.strings("command") else { return nil }
        guard let program = command.first else {
            reader.report("command", "must name a program")
            return nil
        }
        if !program.hasPrefix("/") {
            reader.report(
                "command",
                "the program must be an absolute path (no shell looks it up), found \"\(program)\""
            )
        }
        var environment: [String: String] = [:]
        for (name, value) in reader.stringTable("environment") ?? [] {
            let valid = !name.isEmpty && !name.contains("=") && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            if !valid { reader.report("environment", "invalid variable name \"\(name)\"") }
            if name.hasPrefix("TICKLER_") {
                reader.report("environment", "\(name): TICKLER_* variables carry the event and cannot be set")
            }
            environment[name] = substitute(value, key: "environment", &reader)
        }
        return .exec(ExecSettings(command: command, environment: environment))
    }

    /// `text` with every `${credential:NAME}` replaced by its secret, reporting bad references (only checked when
    /// there is no credential source).
    private func substitute(_ text: String, key: String, _ reader: inout NotifyTableReader) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${credential:") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                reader.report(key, "unterminated ${credential:NAME}")
                return result
            }
            let name = String(rest[start.upperBound..<end])
            rest = rest[rest.index(after: end)...]
            guard CredentialSource.isValidName(name) else {
                reader.report(key, "invalid credential name \"\(name)\"")
                continue
            }
            guard let credentials else { continue }
            guard let secret = credentials.secret(name) else {
                reader.report(
                    key,
                    "credential \"\(name)\" not found in \(credentials.directory) (LoadCredential= in tickler-notify.service)"
                )
                continue
            }
            result += secret
        }
        return result + rest
    }
}
