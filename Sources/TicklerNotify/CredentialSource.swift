import Foundation

/// Where `${credential:NAME}` takes its secret from: systemd's credentials directory (`$CREDENTIALS_DIRECTORY`,
/// filled by `LoadCredential=` or `SetCredentialEncrypted=`), one file per name.
public struct CredentialSource: Sendable, Hashable {
    /// The directory holding one file per credential.
    public let directory: String

    /// A source reading `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The source of the process environment's `$CREDENTIALS_DIRECTORY`, nil when it is not set.
    public static func fromEnvironment(_ environment: [String: String]) -> CredentialSource? {
        environment["CREDENTIALS_DIRECTORY"].flatMap { $0.isEmpty ? nil : CredentialSource(directory: $0) }
    }

    /// The secret `name`, one trailing newline removed; nil when there is no such file.
    public func secret(_ name: String) -> String? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Whether `name` may name a credential: letters, digits, `-`, `_` and `.`, not starting with a dot.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            }
    }
}
