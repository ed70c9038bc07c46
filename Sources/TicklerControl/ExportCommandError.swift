/// A `ticklerctl export` problem, with the option or variable it belongs to.
struct ExportCommandError: Error, Hashable, CustomStringConvertible {
    /// The option (`--days`) or environment variable (`SOURCE_DATE_EPOCH`), or empty for the export as a whole.
    let option: String
    /// What is wrong, naming the bad part.
    let message: String

    /// A problem with `option`: `message`.
    init(_ option: String, _ message: String) {
        self.option = option
        self.message = message
    }

    /// `--days: 5000: must be 1…3660`.
    var description: String { option.isEmpty ? message : "\(option): \(message)" }
}
