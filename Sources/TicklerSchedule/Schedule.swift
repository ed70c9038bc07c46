/// The obligations read from a configuration, in file order, with the files they came from.
public struct Schedule: Sendable {
    /// The obligations, in the order of the files and of their `[[obligation]]` tables.
    public let obligations: [Obligation]
    /// The files read, in reading order.
    public let files: [String]

    private let indexByID: [String: Int]

    /// A schedule of `obligations` read from `files`; when two share an id, lookup finds the first.
    public init(obligations: [Obligation], files: [String] = []) {
        self.obligations = obligations
        self.files = files
        var index: [String: Int] = [:]
        index.reserveCapacity(obligations.count)
        for (position, obligation) in obligations.enumerated() where index[obligation.id] == nil {
            index[obligation.id] = position
        }
        self.indexByID = index
    }

    /// A schedule with no obligations.
    public static let empty = Schedule(obligations: [])

    /// The number of obligations.
    public var count: Int { obligations.count }

    /// The ids of all obligations, in order.
    public var ids: [String] { obligations.map(\.id) }

    /// The obligation named `id`, if any.
    public subscript(id: String) -> Obligation? {
        indexByID[id].map { obligations[$0] }
    }

    /// The position of the obligation named `id` in ``obligations``.
    public func index(of id: String) -> Int? { indexByID[id] }
}
