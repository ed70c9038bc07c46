import ArgumentParser
import SystemPackage
import TicklerControlProtocol
import TicklerPlatform

/// Asks the running ticklerd over its control socket, and turns what goes wrong into one line on standard error
/// and ticklerctl's exit status: 3 when the daemon is not running, 4 when the caller may not ask, 1 otherwise.
enum DaemonClient {
    /// The exit status when the daemon is not running (as `systemctl status` exits for a stopped unit).
    static let notRunningStatus: Int32 = 3
    /// The exit status when the caller is neither root nor in the group `tickler`.
    static let permissionDeniedStatus: Int32 = 4
    /// How long to wait for the connection and for the answer.
    static let timeout: Duration = .seconds(10)

    /// What asking gave.
    enum Answer {
        /// The daemon's reply (a refusal included).
        case reply(ControlReply)
        /// Nobody listens on the socket: why, for the message.
        case notRunning(String)
    }

    /// Asks `request` on the socket at `path`.
    /// - Parameter quietlyRefused: when the socket's permissions keep the caller out, throw the
    ///   ``ControlFailure`` itself instead of saying it and exiting with 4.
    /// - Throws: `ExitCode` after saying why when the socket refuses the caller (4) or the exchange fails (1).
    static func ask(_ request: ControlRequest, socket path: String, quietlyRefused: Bool = false) throws -> Answer {
        let client: UnixClient
        do {
            client = try UnixClient(connectingTo: path, timeout: timeout)
        } catch {
            switch error {
            case .noSuchFileOrDirectory, .connectionRefused, .notDirectory:
                return .notRunning("no ticklerd listens on \(path)")
            case .permissionDenied, .notPermitted:
                let failure = ControlFailure(.permissionDenied, ControlProtocol.permissionDeniedMessage)
                if quietlyRefused { throw failure }
                throw refuse(failure)
            default:
                throw fail("cannot reach ticklerd at \(path): \(error)")
            }
        }
        do {
            try client.send(Array(request.line.utf8))
        } catch {
            throw fail("cannot send the request to ticklerd at \(path): \(error)")
        }
        client.finishSending()
        switch client.receiveLine(maximumBytes: ControlProtocol.maximumReplyBytes) {
        case .line(let line):
            do {
                return .reply(try ControlReply(line: line))
            } catch {
                throw fail("ticklerd sent a reply ticklerctl cannot read: \(error.message)")
            }
        case .tooLong: throw fail("ticklerd's reply is longer than \(ControlProtocol.maximumReplyBytes) bytes")
        case .timedOut: throw fail("ticklerd did not answer within \(timeout)")
        case .ended, .cancelled: throw fail("ticklerd closed the connection without answering")
        case .failed(let error): throw fail("reading ticklerd's answer failed: \(error)")
        }
    }

    /// Asks `request` of a daemon that must be running; a refusal or a stopped daemon ends ticklerctl.
    /// - Throws: `ExitCode` after saying why: 3 not running, 4 permission denied, 1 any other refusal or failure.
    static func require(_ request: ControlRequest, socket path: String) throws -> ControlReply {
        switch try ask(request, socket: path) {
        case .notRunning(let reason):
            FileDescriptorSink.diagnose("ticklerd is not running (\(reason)); start it with: systemctl start ticklerd")
            throw ExitCode(notRunningStatus)
        case .reply(.failure(let failure)):
            throw refuse(failure)
        case .reply(let reply):
            return reply
        }
    }

    /// Says `failure` and gives the exit status for it.
    static func refuse(_ failure: ControlFailure) -> ExitCode {
        FileDescriptorSink.diagnose(failure.message)
        return ExitCode(failure.code == .permissionDenied ? permissionDeniedStatus : 1)
    }

    /// Says `message` and gives exit status 1.
    static func fail(_ message: String) -> ExitCode {
        FileDescriptorSink.diagnose(message)
        return ExitCode.failure
    }

    /// The reply the daemon should not have sent to this request.
    static func unexpected(_ reply: ControlReply) -> ExitCode {
        fail("ticklerd answered with an unexpected reply (\(reply.wire.rendered(pretty: false).prefix(80)))")
    }
}
