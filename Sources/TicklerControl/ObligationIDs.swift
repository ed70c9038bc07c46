import ArgumentParser
import TicklerPlatform
import TicklerSchedule

/// The obligations' ids for shell completion: those of the schedule ticklerd reads (`$CONFIGURATION_DIRECTORY`, else
/// `/etc/tickler`), or none when it does not load.
enum ObligationIDs {
    /// The completion of an obligation id argument.
    static let completion = CompletionKind.custom { _, _, prefix in
        let path = ConfigurationPath.resolve(commandLine: nil, environment: ProcessEnvironment.current())
        guard let schedule = try? ScheduleLoader().load(path: path) else { return [] }
        return schedule.obligations.map(\.id).filter { $0.hasPrefix(prefix) }.sorted()
    }
}
