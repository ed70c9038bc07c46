import TicklerCalendar

/// Collects obligations and diagnostics file by file, then checks what spans files (unique ids, defaults).
struct ScheduleAssembler {
    let loader: ScheduleLoader
    private(set) var files: [String] = []
    private(set) var diagnostics: [ScheduleDiagnostic] = []

    init(loader: ScheduleLoader) {
        self.loader = loader
    }

    mutating func add(_ source: ScheduleSource) {
        files.append(source.path)
    }

    /// Records a problem found outside any file's content (a file that cannot be read).
    mutating func report(_ diagnostic: ScheduleDiagnostic) {
        diagnostics.append(diagnostic)
    }

    func finish() throws(ScheduleLoadError) -> Schedule {
        guard diagnostics.isEmpty else { throw ScheduleLoadError(diagnostics: diagnostics) }
        return Schedule(obligations: [], files: files)
    }
}
