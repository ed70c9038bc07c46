import Systemd
import Testing

@Suite struct NotifyStateTests {
    @Test(arguments: [
        (NotifyState.ready, ["READY=1"]),
        (.stopping, ["STOPPING=1"]),
        (.watchdog, ["WATCHDOG=1"]),
        (.reloading, ["RELOADING=1", "MONOTONIC_USEC=1234567"]),
        (.status("3 obligations; next: visa in 2 days"), ["STATUS=3 obligations; next: visa in 2 days"]),
        (.status("Tải lại thất bại\nline two"), ["STATUS=Tải lại thất bại line two"]),
    ])
    func assignments(state: NotifyState, expected: [String]) {
        #expect(state.assignments(monotonicMicroseconds: 1_234_567) == expected)
    }

    @Test func severalStatesShareOneMessageInOrder() {
        let message = NotifyState.message(for: [.reloading, .status("reloading")], monotonicMicroseconds: 42)
        #expect(message == "RELOADING=1\nMONOTONIC_USEC=42\nSTATUS=reloading")
    }
}
