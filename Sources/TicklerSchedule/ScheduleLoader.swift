public import TicklerCalendar
public import TicklerPlatform

/// Reads a schedule from a file or a configuration directory, collecting every problem it finds.
///
/// A directory `D` means `D/schedule.toml` (when present) followed by `D/schedule.d/*.toml` in lexical order,
/// as systemd reads drop-ins. Obligation ids are unique across all files; `[defaults]` tables are merged key by key
/// in reading order and apply to every obligation.
public struct ScheduleLoader: Sendable {
    /// Where time zone names are looked up.
    public let zones: any ZoneSource
    /// The zone given for obligations that name none, or nil to ask `zones` at each load.
    private let fixedSystemZone: ZoneRules?

    /// The zone used when neither `[defaults]` nor an obligation names one: the given one, else the zone source's
    /// system zone as it is now (so a reload follows a change of the system zone).
    public var systemZone: ZoneRules { fixedSystemZone ?? zones.systemRules() }

    /// A loader that looks zones up in `zones`; `systemZone`, when given, replaces the source's system zone.
    ///
    /// An obligation's texts stay in the storage the TOML reader made for them. (On glibc's malloc they pinned pages
    /// of the freed document and the daemon's resident size climbed over reloads, so the daemon copied them out;
    /// on jemalloc, which ticklerd allocates with, it stays flat without the copies, and they cost 6 MiB and 0.1 s
    /// a reload on 100,000 obligations.)
    public init(zones: any ZoneSource = ZoneDatabase.shared, systemZone: ZoneRules? = nil) {
        self.zones = zones
        self.fixedSystemZone = systemZone
    }

    /// This loader with the system zone read once, so that every file of one load sees the same one.
    private func pinned() -> ScheduleLoader {
        ScheduleLoader(zones: zones, systemZone: systemZone)
    }

    /// Loads the schedule at `path`, a file or a configuration directory.
    /// - Throws: ``ScheduleLoadError`` listing every problem in every file.
    public func load(path: String) throws(ScheduleLoadError) -> Schedule {
        var assembler = ScheduleAssembler(loader: pinned())
        for file in try Self.files(at: path) {
            switch Self.read(file) {
            case .success(let text): assembler.add(Self.source(file, text))
            case .failure(let problem): assembler.report(problem)
            }
        }
        return try assembler.finish()
    }

    /// Loads the schedule at `path` as ``load(path:)`` does, and what it was read from (``ScheduleText``): the
    /// files are read again once the schedule is made and their texts kept when they are what was loaded, nil when
    /// one changed or could not be read again meanwhile.
    ///
    /// Each text is let go while its file is parsed, as ``load(path:)`` does: the text is then not held beside the
    /// file's document and the obligations made from it (100,000 obligations: 11 MB more at the peak).
    /// - Throws: ``ScheduleLoadError`` listing every problem in every file.
    public func loadKeepingText(path: String) throws(ScheduleLoadError) -> (schedule: Schedule, text: ScheduleText?) {
        let loader = pinned()
        var assembler = ScheduleAssembler(loader: loader)
        var read: [(file: String, fingerprint: Int)] = []
        for file in try Self.files(at: path) {
            switch Self.read(file) {
            case .success(let text):
                read.append((file, Self.fingerprint(of: text)))
                assembler.add(Self.source(file, text))
            case .failure(let problem): assembler.report(problem)
            }
        }
        let schedule = try assembler.finish()
        guard let sources = Self.sources(readAgain: read) else { return (schedule, nil) }
        return (schedule, ScheduleText(sources: sources, of: schedule, loader: loader))
    }

    /// The files `read` read again, when each still has the text of its fingerprint; nil when one changed or can no
    /// longer be read.
    static func sources(readAgain read: [(file: String, fingerprint: Int)]) -> [ScheduleSource]? {
        var sources: [ScheduleSource] = []
        sources.reserveCapacity(read.count)
        for (file, fingerprint) in read {
            guard case .success(let text) = Self.read(file), Self.fingerprint(of: text) == fingerprint else {
                return nil
            }
            sources.append(Self.source(file, text))
        }
        return sources
    }

    /// Loads a schedule from files already read, as ``load(sources:)`` does, and keeps them (``ScheduleText``).
    /// - Throws: ``ScheduleLoadError`` listing every problem in every file.
    public func loadKeepingText(
        sources: [ScheduleSource]
    ) throws(ScheduleLoadError) -> (
        schedule: Schedule, text: ScheduleText
    ) {
        let loader = pinned()
        var assembler = ScheduleAssembler(loader: loader)
        for source in sources { assembler.add(source) }
        let schedule = try assembler.finish()
        return (schedule, ScheduleText(sources: sources, of: schedule, loader: loader))
    }

    /// A hash of `text`'s bytes (seeded per process, so only compared within one).
    static func fingerprint(of text: String) -> Int {
        var hasher = Hasher()
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        return hasher.finalize()
    }

    /// The source for `file`, a drop-in when it is in a `schedule.d`.
    private static func source(_ file: String, _ text: String) -> ScheduleSource {
        ScheduleSource(path: file, text: text, isDropIn: file.contains("/schedule.d/"))
    }

    /// Loads a schedule from files already read, in the order given.
    /// - Throws: ``ScheduleLoadError`` listing every problem in every file.
    public func load(sources: [ScheduleSource]) throws(ScheduleLoadError) -> Schedule {
        var assembler = ScheduleAssembler(loader: pinned())
        for source in sources { assembler.add(source) }
        return try assembler.finish()
    }

    /// Loads one file's text; `path` names it in diagnostics.
    /// - Throws: ``ScheduleLoadError`` listing every problem.
    public func load(text: String, path: String) throws(ScheduleLoadError) -> Schedule {
        try load(sources: [ScheduleSource(path: path, text: text)])
    }

    /// The files a configuration path stands for, in reading order.
    ///
    /// Every `schedule.toml` and `schedule.d/*.toml` that exists is listed, whatever it is: one that is not a
    /// regular file (a directory, a FIFO, a device) is refused when it is read, with its path, rather than skipped.
    /// - Throws: ``ScheduleLoadError`` when the path does not exist or holds no schedule, or `schedule.d` cannot
    ///   be listed.
    public static func files(at path: String) throws(ScheduleLoadError) -> [String] {
        switch FileSystem.kind(of: path) {
        case .missing: throw fileProblem(path, "no such file or directory")
        case .file, .other: return [path]
        case .directory: break
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        var files: [String] = []
        let main = base + "/schedule.toml"
        if FileSystem.kind(of: main) != .missing { files.append(main) }
        let dropIns = base + "/schedule.d"
        switch FileSystem.kind(of: dropIns) {
        case .missing: break
        case .directory:
            let names: [String]
            do {
                names = try FileSystem.names(in: dropIns)
            } catch {
                throw fileProblem(dropIns, "cannot list the directory: \(error)")
            }
            let tomlNames = names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            files += tomlNames.map { dropIns + "/" + $0 }
        case .file, .other:
            throw fileProblem(dropIns, "not a directory; drop-ins go in a directory schedule.d")
        }
        guard !files.isEmpty else {
            throw fileProblem(path, "no schedule found (expected \(base)/schedule.toml or \(dropIns)/*.toml)")
        }
        return files
    }

    /// The UTF-8 text of `file`, or the problem that prevents reading it (not a regular file, larger than 256 MiB,
    /// unreadable, not UTF-8).
    static func read(_ file: String) -> Result<String, ScheduleDiagnostic> {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.contents(of: file)
        } catch {
            return .failure(diagnostic(file, error.description))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(diagnostic(file, "the file is not valid UTF-8"))
        }
        return .success(text)
    }

    private static func diagnostic(_ path: String, _ message: String) -> ScheduleDiagnostic {
        ScheduleDiagnostic(file: path, line: nil, column: nil, scope: .file, key: nil, message: message)
    }

    private static func fileProblem(_ path: String, _ message: String) -> ScheduleLoadError {
        ScheduleLoadError(diagnostics: [diagnostic(path, message)])
    }
}
