/// The language of a channel's default templates.
public enum MessageLanguage: String, Sendable, Hashable, CaseIterable {
    /// English.
    case english = "en"
    /// Vietnamese.
    case vietnamese = "vi"
}
