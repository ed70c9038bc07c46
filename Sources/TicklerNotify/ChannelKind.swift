/// What a channel delivers through, with the settings of that kind.
public enum ChannelKind: Sendable, Hashable {
    /// A mail through sendmail(8).
    case mail(MailSettings)
    /// An HTTP POST.
    case webhook(WebhookSettings)
    /// A program run with arguments, never through a shell.
    case exec(ExecSettings)

    /// The kind's name in notify.toml: `mail`, `webhook`, `exec`.
    public var name: String {
        switch self {
        case .mail: "mail"
        case .webhook: "webhook"
        case .exec: "exec"
        }
    }
}
