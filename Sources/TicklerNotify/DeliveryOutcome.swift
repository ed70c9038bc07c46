/// How one attempt to deliver to a channel ended.
public enum DeliveryOutcome: Sendable, Hashable {
    /// The channel accepted it.
    case sent
    /// It failed for a reason that may pass (a timeout, HTTP 5xx, 408 or 429, sendmail's temporary failure): retry.
    case temporary(String)
    /// It failed for a reason that will not pass (HTTP 4xx, a bad address): never retry.
    case permanent(String)

    /// The failure's text, nil when sent.
    public var error: String? {
        switch self {
        case .sent: nil
        case .temporary(let text), .permanent(let text): text
        }
    }

    /// The outcome of a program's exit status, by the sysexits(3) codes sendmail and scripts share: 0 is sent;
    /// usage, data, no-user, no-host, no-permission and configuration errors (64, 65, 67, 68, 77, 78) are permanent;
    /// anything else (75 `EX_TEMPFAIL` among them) is temporary.
    static func exitStatus(_ code: Int32, program: String, detail: String) -> DeliveryOutcome {
        if code == 0 { return .sent }
        let text = "\(program) exited with status \(code)" + (detail.isEmpty ? "" : ": " + detail)
        return [64, 65, 67, 68, 77, 78].contains(code) ? .permanent(text) : .temporary(text)
    }
}
