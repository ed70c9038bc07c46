public import Logging
public import TicklerJournalSchema

extension Priority {
    /// The priority a swift-log level maps to, for diagnostics; `trace` and `debug` both become `debug`.
    public init(_ level: Logger.Level) {
        switch level {
        case .trace, .debug: self = .debug
        case .info: self = .info
        case .notice: self = .notice
        case .warning: self = .warning
        case .error: self = .error
        case .critical: self = .critical
        }
    }
}
