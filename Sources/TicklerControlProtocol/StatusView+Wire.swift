extension StatusView: WireCodable {
    /// `{"version", "pid", "started_at", "schedule_location", "files", "loaded_at", "obligations", "counts", "next",
    /// "last_reload", "zone"}`; `counts` is an object from state names to numbers, in the states' order.
    public var wire: JSONValue {
        .object([
            ("version", .string(version)), ("pid", .integer(Int(pid))), ("started_at", .integer(Int(startedAt))),
            ("schedule_location", .string(scheduleLocation)), ("files", .strings(files)),
            ("loaded_at", .integer(Int(loadedAt))), ("obligations", .integer(obligationCount)),
            (
                "counts",
                .object(
                    OccurrenceState.allCases.compactMap { state in counts[state].map { (state.name, .integer($0)) } }
                )
            ),
            ("next", next.wire), ("last_reload", lastReload?.wire ?? .null), ("zone", .string(zone)),
        ])
    }

    /// Reads a status view.
    public init(wire: JSONValue) throws(ControlFailure) {
        let fields = try WireFields(wire)
        guard case .object(let countMembers) = fields.value("counts") ?? .object([]) else {
            throw ControlFailure(.invalidRequest, "key \"counts\": expected an object")
        }
        var counts: [OccurrenceState: Int] = [:]
        for member in countMembers {
            guard let state = OccurrenceState(rawValue: member.key), case .integer(let count) = member.value else {
                throw ControlFailure(.invalidRequest, "key \"counts\": expected occurrence states with numbers")
            }
            counts[state] = count
        }
        self.init(
            version: try fields.string("version"),
            pid: try fields.processID("pid"),
            startedAt: try fields.instant("started_at"),
            scheduleLocation: try fields.string("schedule_location"),
            files: try fields.strings("files"),
            loadedAt: try fields.instant("loaded_at"),
            obligationCount: try fields.integer("obligations"),
            counts: counts,
            next: try fields.decode("next"),
            lastReload: try fields.optionalDecode("last_reload"),
            zone: try fields.string("zone")
        )
    }
}

extension StatusView.Reload: WireCodable {
    /// `{"at", "succeeded", "problems"}`.
    public var wire: JSONValue {
        .object([("at", .integer(Int(at))), ("succeeded", .bool(succeeded)), ("problems", .strings(problems))])
    }

    /// Reads a reload result.
    public init(wire: JSONValue) throws(ControlFailure) {
        let fields = try WireFields(wire)
        self.init(
            at: try fields.instant("at"),
            succeeded: try fields.bool("succeeded"),
            problems: try fields.strings("problems")
        )
    }
}
