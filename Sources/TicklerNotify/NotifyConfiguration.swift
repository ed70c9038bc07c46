import Foundation
import TicklerTOML

/// The channels of `/etc/tickler/notify.toml` and `notify.d/*.toml`, and the retry policy.
public struct NotifyConfiguration: Sendable {
    /// The main file's name in the configuration directory.
    public static let fileName = "notify.toml"
    /// The drop-in directory's name in the configuration directory.
    public static let dropInDirectory = "notify.d"

    /// The channels by name.
    public let channels: [String: Channel]
    /// When failed deliveries are tried again.
    public let retry: RetryPolicy
    /// The files read, in order; empty when there is no notify.toml (the notifier then has no channels).
    public let files: [String]

    /// A configuration of `channels`.
    public init(channels: [Channel], retry: RetryPolicy = RetryPolicy(), files: [String] = []) {
        self.channels = Dictionary(channels.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.retry = retry
        self.files = files
    }

    /// The files of a configuration directory (`/etc/tickler`): notify.toml, then notify.d/*.toml in byte order;
    /// empty when neither exists.
    public static func files(in directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var files: [String] = []
        let main = base + "/" + fileName
        if FileManager.default.fileExists(atPath: main) { files.append(main) }
        let dropIns = base + "/" + dropInDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dropIns)) ?? []
        files += names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { dropIns + "/" + $0 }
        return files
    }

    /// Reads the configuration of `directory`. `credentials` substitutes `${credential:NAME}`; nil only checks
    /// the references (as `ticklerctl validate` does, outside the service).
    /// - Throws: ``NotifyConfigurationError`` with every problem.
    public static func load(
        directory: String,
        credentials: CredentialSource?
    ) throws(NotifyConfigurationError)
        -> NotifyConfiguration
    {
        var loader = NotifyConfigurationLoader(credentials: credentials)
        for file in files(in: directory) {
            let data = FileManager.default.contents(atPath: file)
            guard let text = data.flatMap({ String(validating: Array($0), as: UTF8.self) }) else {
                let problem = data == nil ? "cannot read the file" : "the file is not valid UTF-8"
                loader.report(
                    NotifyDiagnostic(file: file, line: nil, column: nil, channel: nil, key: nil, message: problem)
                )
                continue
            }
            loader.add(text: text, path: file)
        }
        return try loader.finish()
    }

    /// Reads one file's text, as if it were at `path` (tests, and single files).
    /// - Throws: ``NotifyConfigurationError`` with every problem.
    public static func load(
        text: String,
        path: String,
        credentials: CredentialSource?
    ) throws(NotifyConfigurationError)
        -> NotifyConfiguration
    {
        var loader = NotifyConfigurationLoader(credentials: credentials)
        loader.add(text: text, path: path)
        return try loader.finish()
    }
}
