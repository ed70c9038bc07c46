import TicklerCalendar
import TicklerTOML

/// Turns the files of a configuration into one ``Schedule``, collecting every problem of every file.
///
/// `[defaults]` of the main files (not drop-ins) apply to every obligation, later files overriding earlier ones key
/// by key; a drop-in's own `[defaults]` apply only to the obligations of that drop-in. Ids are unique across files.
struct ScheduleAssembler {
    /// The top-level keys a schedule file may hold.
    static let rootKeys = ["defaults", "obligation"]

    let loader: ScheduleLoader
    private var sources: [ScheduleSource] = []
    private var diagnostics: [ScheduleDiagnostic] = []

    init(loader: ScheduleLoader) {
        self.loader = loader
    }

    /// Adds a file's text, read in the order added.
    mutating func add(_ source: ScheduleSource) {
        sources.append(source)
    }

    /// Records a problem found outside any file's content (a file that cannot be read).
    mutating func report(_ diagnostic: ScheduleDiagnostic) {
        diagnostics.append(diagnostic)
    }

    /// One parsed file.
    private struct ParsedFile {
        let source: ScheduleSource
        let table: TOMLTable
        let defaults: ScheduleDefaults
    }

    /// How many obligations are read between two looks at cancellation.
    static let cancellationStride = 512

    /// The schedule of every file added.
    ///
    /// Each file's text is let go once it is parsed, so that a large schedule's text and its obligations are not
    /// held at the same time (the caller may still hold its own copy).
    /// - Throws: ``ScheduleLoadError`` with every problem, sorted by file and line.
    mutating func finish() throws(ScheduleLoadError) -> Schedule {
        var problems = diagnostics
        var parsed: [ParsedFile] = []
        var shared = ScheduleDefaults()
        for position in sources.indices {
            let source = sources[position]
            // A large schedule takes a while: a cancelled task (graceful shutdown) gives up between files and every
            // ``cancellationStride`` obligations, so that a stop is honoured within a fraction of a second.
            if Task.isCancelled { throw .cancelled(in: source.path) }
            sources[position] = ScheduleSource(path: source.path, text: "", isDropIn: source.isDropIn)
            let isDropIn = source.isDropIn
            guard let file = parse(consume source, problems: &problems) else { continue }
            if !isDropIn { shared = shared.overridden(by: file.defaults) }
            parsed.append(file)
        }
        var obligations: [Obligation] = []
        // Each id, numbered in the order first defined, and where: the file's position in `parsed` and the place in
        // it. A schedule is only made when nothing was wrong, every first definition an obligation in that order:
        // then the numbers are the obligations' positions, and this is the schedule's index.
        var idNumbers: [String: Int] = [:]
        var firstPlaces: [(file: Int, position: TOMLPosition)] = []
        var ruleCache = RuleTextCache()
        for fileIndex in parsed.indices {
            let source = parsed[fileIndex].source
            let defaults = source.isDropIn ? shared.overridden(by: parsed[fileIndex].defaults) : shared
            let parser = ObligationParser(
                zones: loader.zones,
                systemZone: loader.systemZone,
                defaults: defaults
            )
            var tables = obligationTables(parsed[fileIndex], problems: &problems)
            // From here on `tables` holds the only reference to each obligation's table, and each is let go once
            // its obligation is built: the document and the obligations made from it are not held at once.
            parsed[fileIndex] = ParsedFile(
                source: source,
                table: TOMLTable(entries: []),
                defaults: parsed[fileIndex].defaults
            )
            idNumbers.reserveCapacity(idNumbers.count + tables.count)
            firstPlaces.reserveCapacity(firstPlaces.count + tables.count)
            obligations.reserveCapacity(obligations.count + tables.count)
            for index in tables.indices {
                if index % Self.cancellationStride == 0 && Task.isCancelled { throw .cancelled(in: source.path) }
                var reader = TableReader(
                    table: tables[index],
                    file: source.path,
                    scope: .obligation(id: nil, index: index + 1)
                )
                tables[index] = TOMLTable(entries: [])
                let obligation = parser.parse(&reader, index: index + 1, cache: &ruleCache)
                if case .obligation(let id?, _) = reader.scope {
                    let position = reader.position(of: "id") ?? reader.position
                    if let number = idNumbers[id] {
                        let first = firstPlaces[number]
                        let place = SourceLocation(
                            file: parsed[first.file].source.path,
                            line: first.position.line,
                            column: first.position.column
                        )
                        reader.report("id", "duplicate id \"\(id)\" (first defined at \(place))")
                    } else {
                        idNumbers[id] = firstPlaces.count
                        firstPlaces.append((fileIndex, position))
                    }
                }
                if obligation == nil && reader.diagnostics.isEmpty {
                    // Never drop an obligation silently.
                    reader.report(nil, "could not be read")
                }
                problems += reader.diagnostics
                if let obligation, reader.diagnostics.isEmpty { obligations.append(obligation) }
            }
        }
        if Task.isCancelled { throw .cancelled(in: sources.last?.path ?? "") }
        guard problems.isEmpty else { throw ScheduleLoadError(diagnostics: sorted(problems)) }
        return Schedule(
            obligations: obligations,
            indexedBy: idNumbers,
            files: sources.map(\.path),
            defaultZone: shared.zone,
            defaultTime: shared.time
        )
    }

    /// Parses a file's TOML and its `[defaults]`; nil (with the problem recorded) when the TOML does not parse.
    ///
    /// Given the only copy of the file's text, the parser lets it go before it builds the document.
    private func parse(_ source: consuming ScheduleSource, problems: inout [ScheduleDiagnostic]) -> ParsedFile? {
        let text = source.text
        source = ScheduleSource(path: source.path, text: "", isDropIn: source.isDropIn)
        let table: TOMLTable
        do {
            table = try TOMLParser().parse(consume text)
        } catch {
            problems.append(
                ScheduleDiagnostic(
                    file: source.path,
                    line: error.line,
                    column: error.column,
                    scope: .file,
                    key: nil,
                    message: error.message
                )
            )
            return nil
        }
        var root = TableReader(table: table, file: source.path, scope: .file)
        reportMisplacedKeys(&root)
        var defaults = ScheduleDefaults()
        if let value = table["defaults"] {
            if let defaultsTable = value.table {
                var reader = TableReader(table: defaultsTable, file: source.path, scope: .defaults)
                defaults = ScheduleDefaults.read(&reader, zones: loader.zones)
                problems += reader.diagnostics
            } else {
                root.report("defaults", "expected a [defaults] table, found \(TableReader.name(of: value.content))")
            }
        }
        problems += root.diagnostics
        return ParsedFile(
            source: source,
            table: table,
            defaults: defaults
        )
    }

    /// Reports top-level keys other than `[defaults]` and `[[obligation]]`, pointing settings to their table.
    private func reportMisplacedKeys(_ root: inout TableReader) {
        root.reportUnknownKeys(known: TOMLTable.KeySet(Self.rootKeys)) { key in
            if ScheduleDefaults.keys.contains(key) {
                return "unknown top-level key (put it under [defaults], or in an [[obligation]] table)"
            }
            return ObligationParser.knownKeys.contains(key)
                ? "unknown top-level key (put it in an [[obligation]] table)" : nil
        }
    }

    /// The `[[obligation]]` tables of a file, reporting an `obligation` key of another shape.
    private func obligationTables(_ file: ParsedFile, problems: inout [ScheduleDiagnostic]) -> [TOMLTable] {
        guard let value = file.table["obligation"] else { return [] }
        var root = TableReader(table: file.table, file: file.source.path, scope: .file)
        defer { problems += root.diagnostics }
        guard let array = value.array else {
            root.report(
                "obligation",
                "expected [[obligation]] tables (an array of tables), found \(TableReader.name(of: value.content))"
            )
            return []
        }
        var tables: [TOMLTable] = []
        for element in array {
            guard let table = element.table else {
                root.report(
                    "obligation",
                    "expected [[obligation]] tables, found an element that is \(TableReader.name(of: element.content))"
                )
                return []
            }
            tables.append(table)
        }
        return tables
    }

    /// Problems in file order, then line and column order within a file.
    private func sorted(_ problems: [ScheduleDiagnostic]) -> [ScheduleDiagnostic] {
        let order = Dictionary(
            sources.map(\.path).enumerated().map { ($1, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        return problems.enumerated().sorted { lhs, rhs in
            let left = (order[lhs.element.file] ?? -1, lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let right = (order[rhs.element.file] ?? -1, rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
