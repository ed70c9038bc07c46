// fuzz-sources: TicklerCalendar TicklerRRule TicklerOnCalendar TicklerLunar TicklerTOML TicklerPlatform TicklerControlProtocol TicklerSchedule
// fuzz-packages: SystemPackage
// fuzz-seeds: Config ../shared/toml-test/tests/valid
//
// libFuzzer target for the schedule loader: any UTF-8 text, read as a schedule file, must load or give
// diagnostics, never trap. Run through Tests/Fuzz/run-fuzzers.sh.

import TicklerCalendar
import TicklerSchedule

/// One loader for every input: UTC as the fallback zone, whatever the machine's.
private let loader = ScheduleLoader(systemZone: .utc)

/// Loads one input as `fuzz.toml`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else {
        return 0
    }
    do {
        let schedule = try loader.load(text: text, path: "fuzz.toml")
        precondition(schedule.count >= 0)
    } catch {
        precondition(!error.diagnostics.isEmpty, "a failed load without a diagnostic")
    }
    return 0
}
