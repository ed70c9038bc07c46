/// Where an occurrence — an obligation's due instant — is in its life.
///
/// upcoming → reminding (each lead stage once) → due → overdue (repeats every `overdue-every`) → escalated (each step
/// of `escalate` once); it ends as ``acknowledged`` or ``skipped``. ``snoozed`` pauses reminders and repeats until a
/// given instant, then the occurrence resumes where it was; reopening puts an ended occurrence back to ``overdue``.
public enum OccurrenceState: String, Sendable, Hashable, CaseIterable {
    /// No stage has fired yet.
    case upcoming
    /// At least one lead reminder fired; the due time has not come.
    case reminding
    /// The due time came; no overdue repeat fired yet.
    case due
    /// At least one overdue repeat fired (or the due time passed and repeats are off).
    case overdue
    /// At least one step of `escalate` fired.
    case escalated
    /// Paused until a given instant.
    case snoozed
    /// Done: acknowledged by someone.
    case acknowledged
    /// Ended without being done, with a note saying why.
    case skipped

    /// Whether the occurrence has ended: nothing fires for it any more.
    public var isEnded: Bool { self == .acknowledged || self == .skipped }

    /// The name on the wire and in `--json`: `upcoming`, …, `skipped`.
    public var name: String { rawValue }
}
