public import TicklerCalendar

/// The obligations read from a configuration, in file order, with the files they came from.
public struct Schedule: Sendable {
    /// The obligations, in the order of the files and of their `[[obligation]]` tables.
    public let obligations: [Obligation]
    /// The files read, in reading order.
    public let files: [String]
    /// The `timezone` of the main files' `[defaults]`, when one is set (drop-ins' own `[defaults]` not included).
    public let defaultZone: ZoneRules?
    /// The `at` of the main files' `[defaults]`, when one is set (drop-ins' own `[defaults]` not included).
    public let defaultTime: TimeOfDay?

    private let indexByID: [String: Int]

    /// A schedule of `obligations` read from `files`, whose main `[defaults]` set `defaultZone` and
    /// `defaultTime`; when two obligations share an id, lookup finds the first.
    public init(
        obligations: [Obligation],
        files: [String] = [],
        defaultZone: ZoneRules? = nil,
        defaultTime: TimeOfDay? = nil
    ) {
        self.init(
            obligations: obligations,
            indexedBy: nil,
            files: files,
            defaultZone: defaultZone,
            defaultTime: defaultTime
        )
    }

    /// A schedule of `obligations` with `index` already made when given: each id's position in `obligations`, all
    /// ids unique (the loader's, which made it while checking that they are).
    init(
        obligations: [Obligation],
        indexedBy index: [String: Int]?,
        files: [String],
        defaultZone: ZoneRules?,
        defaultTime: TimeOfDay?
    ) {
        self.obligations = obligations
        self.files = files
        self.defaultZone = defaultZone
        self.defaultTime = defaultTime
        // One entry per obligation; anything else (not the loader's index) is made anew.
        assert(index.map { $0.count == obligations.count } ?? true, "an index of unique ids, one per obligation")
        if let index, index.count == obligations.count {
            self.indexByID = index
        } else {
            self.indexByID = Self.index(of: obligations)
        }
    }

    /// Each id's first position in `obligations`.
    private static func index(of obligations: [Obligation]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(obligations.count)
        // By position, so that only each id is read, not each whole obligation copied.
        for position in obligations.indices where index[obligations[position].id] == nil {
            index[obligations[position].id] = position
        }
        return index
    }

    /// A schedule with no obligations.
    public static let empty = Schedule(obligations: [])

    /// The number of obligations.
    public var count: Int { obligations.count }

    /// The ids of all obligations, in order.
    public var ids: [String] { obligations.indices.map { obligations[$0].id } }

    /// The obligation named `id`, if any.
    public subscript(id: String) -> Obligation? {
        indexByID[id].map { obligations[$0] }
    }

    /// The position of the obligation named `id` in ``obligations``.
    public func index(of id: String) -> Int? { indexByID[id] }
}
