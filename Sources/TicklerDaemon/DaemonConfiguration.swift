public import TicklerCalendar
public import TicklerSchedule
public import TicklerState

/// What the daemon reads and where it keeps its state.
public struct DaemonConfiguration: Sendable {
    /// Where the schedule is read from.
    public var schedule: any ScheduleProvider
    /// Where `state.sqlite` lives.
    public var stateDirectory: StateDirectory
    /// The zone for times in `STATUS=` that belong to no obligation (the system zone).
    public var displayZone: ZoneRules

    /// A configuration from its parts.
    public init(schedule: any ScheduleProvider, stateDirectory: StateDirectory, displayZone: ZoneRules) {
        self.schedule = schedule
        self.stateDirectory = stateDirectory
        self.displayZone = displayZone
    }

    /// The configuration for the command line and environment of ticklerd.
    ///
    /// The schedule: `--config`, else the first path of `$CONFIGURATION_DIRECTORY` (systemd's
    /// `ConfigurationDirectory=`), else `/etc/tickler`. The state: see ``StateDirectory/resolve(commandLine:environment:)``.
    /// - Parameters:
    ///   - configPath: the value of `--config`.
    ///   - stateDirectory: the value of `--state-dir`.
    ///   - environment: the process environment.
    ///   - loader: the schedule loader (its system zone is also the display zone).
    /// - Throws: ``StateError`` when no state directory can be chosen.
    public static func resolve(
        configPath: String?,
        stateDirectory: String?,
        environment: [String: String],
        loader: ScheduleLoader = ScheduleLoader()
    ) throws(StateError) -> DaemonConfiguration {
        DaemonConfiguration(
            schedule: ConfigurationSchedule(
                path: ConfigurationPath.resolve(commandLine: configPath, environment: environment),
                loader: loader
            ),
            stateDirectory: try StateDirectory.resolve(commandLine: stateDirectory, environment: environment),
            displayZone: loader.systemZone
        )
    }
}
