public import TicklerCalendar

/// How an operator gets past a state file that ticklerd refuses, and the explicit reset (`ticklerd --reset-state`).
public enum StateRecovery {
    /// The lines that tell the operator what to do about `error`: check the file, then reset explicitly or move
    /// the file aside by hand. Empty for errors that are not about an unusable state file.
    /// - Parameters:
    ///   - error: why the state cannot be used.
    ///   - stateDirectory: the state directory, for the commands shown.
    public static func advice(for error: StateError, stateDirectory: String) -> [String] {
        guard error.code.isUnusableFile else { return [] }
        let file = SQLiteStateStore.fileName
        var lines = [
            "ticklerd does not start on this state: starting afresh would forget what fired and fire it again",
            "inspect it: ticklerctl state check --state-dir \(stateDirectory)",
        ]
        if error.code == .newerSchema {
            lines.append("or run the newer ticklerd that wrote it")
        }
        lines += [
            "to start with a new state, keeping the old file beside it as \(file).broken-<time>: "
                + "ticklerd --reset-state --state-dir \(stateDirectory) (add your other options)",
            "or move it aside yourself: mv \(stateDirectory)/\(file) \(stateDirectory)/\(file).broken",
        ]
        return lines
    }

    /// The name an unusable state file is moved to at `instant`: `state.sqlite.broken-20270127T010000Z`.
    public static func brokenPath(for path: String, at instant: Instant) -> String {
        // `2027-01-27T01:00:00+00:00` as `20270127T010000Z`.
        let stamp = Instant(secondsSinceEpoch: instant.secondsSinceEpoch).description.filter { $0 != "-" && $0 != ":" }
            .replacingSuffix("+0000", with: "Z")
        return "\(path).broken-\(stamp)"
    }

    /// Moves the state file at `path` aside, with its write-ahead log and shared-memory index if present, to
    /// ``brokenPath(for:at:)``.
    /// - Returns: the new path of the file.
    /// - Throws: ``StateError`` when the file cannot be renamed.
    public static func moveAside(_ path: String, at instant: Instant) throws(StateError) -> String {
        let destination = brokenPath(for: path, at: instant)
        guard !StateFile.exists(destination) else {
            throw StateError(.unavailable, path: destination, reason: "already exists; try again in a second")
        }
        for suffix in ["-wal", "-shm"] where StateFile.exists(path + suffix) {
            try StateFile.rename(path + suffix, to: destination + suffix)
        }
        try StateFile.rename(path, to: destination)
        return destination
    }
}

extension String {
    /// The string with `suffix` at its end replaced by `replacement`; unchanged when it does not end so.
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
