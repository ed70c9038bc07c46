// fuzz-sources: TicklerControlProtocol
// fuzz-seeds: Tests/Fuzz/Seeds/ControlProtocol
//
// libFuzzer target for ticklerd's control protocol: any bytes must give a request (or reply) or a refusal with
// invalid-request or unsupported-version, never a trap, a hang or a memory error; an accepted line must round-trip
// through its own line, and the JSON reader must accept what the writer writes of any value it read.
// Run through Tests/Fuzz/run-fuzzers.sh.

import TicklerControlProtocol

/// Reads one input as a request line and as a reply line; traps (and so reports a crash) only when an invariant
/// breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let request = try ControlRequest(line: bytes)
        let again = try? ControlRequest(line: Array(request.line.utf8))
        precondition(again == request, "a request does not round-trip")
    } catch {
        precondition(error.code == .invalidRequest || error.code == .unsupportedVersion, "refused as \(error.code)")
    }
    do {
        let reply = try ControlReply(line: bytes)
        let again = try? ControlReply(line: Array(reply.line.utf8))
        precondition(again == reply, "a reply does not round-trip")
    } catch {
        precondition(error.code == .invalidRequest || error.code == .unsupportedVersion, "refused as \(error.code)")
    }
    if let value = try? JSONReader().read(bytes) {
        for pretty in [false, true] {
            let again = try? JSONReader(maximumBytes: .max).read(value.rendered(pretty: pretty))
            precondition(again == value, "the JSON read back differs")
        }
    }
    return 0
}
