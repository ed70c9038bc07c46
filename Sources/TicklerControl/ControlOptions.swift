import ArgumentParser
import TicklerControlProtocol
import TicklerPlatform

/// The option that says where the running ticklerd listens: `--socket`, else `$TICKLER_CONTROL_SOCKET`, else
/// `/run/tickler/control.socket`.
struct ControlOptions: ParsableArguments {
    @Option(
        name: .customLong("socket"),
        help: ArgumentHelp(
            "ticklerd's control socket (default: $TICKLER_CONTROL_SOCKET, else /run/tickler/control.socket).",
            valueName: "path"
        ),
        completion: .file()
    )
    var socketPath: String?

    /// The socket to connect to.
    var path: String {
        if let socketPath { return socketPath }
        if let variable = ProcessEnvironment.current()["TICKLER_CONTROL_SOCKET"], !variable.isEmpty { return variable }
        return ControlProtocol.defaultSocketPath
    }
}
