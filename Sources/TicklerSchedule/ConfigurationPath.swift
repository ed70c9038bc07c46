/// Where the schedule is read from: the one rule ticklerd and ticklerctl share.
public enum ConfigurationPath {
    /// The configuration directory used when neither `--config` nor `$CONFIGURATION_DIRECTORY` names one.
    public static let defaultPath = "/etc/tickler"

    /// `--config`, else the first path of `$CONFIGURATION_DIRECTORY` (systemd's `ConfigurationDirectory=`), else
    /// `/etc/tickler`.
    /// - Parameters:
    ///   - commandLine: the value of `--config`, if given.
    ///   - environment: the process environment.
    public static func resolve(commandLine: String?, environment: [String: String]) -> String {
        if let commandLine, !commandLine.isEmpty { return commandLine }
        if let value = environment["CONFIGURATION_DIRECTORY"],
            let first = value.split(separator: ":", omittingEmptySubsequences: true).first
        {
            return String(first)
        }
        return defaultPath
    }
}
