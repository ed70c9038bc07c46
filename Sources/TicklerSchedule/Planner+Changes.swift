public import TicklerCalendar

extension Planner {
    /// Removes every queued event of obligation `id`: its planned events and its one-off events. One-off events
    /// added afterwards are kept.
    ///
    /// O(1) plus O(log n) per one-off event removed: the obligation's runs are dropped lazily, each when it reaches
    /// the top of the queue (O(log n) then).
    /// - Returns: false when the schedule has no obligation `id`.
    @discardableResult
    public mutating func removeEvents(of id: String) -> Bool {
        guard let index = schedule.index(of: id) else { return false }
        let obligation = Int32(index)
        removedObligations.insert(obligation)
        for serials in (oneOffIndex.removeValue(forKey: obligation) ?? [:]).values {
            for serial in serials { oneOffs[serial] = nil }
        }
        dropRemovedTop()
        return true
    }

    /// Removes the events of one occurrence: every stage of obligation `id` for the due instant `due`, and the
    /// one-off events for it. The obligation's other due instants keep their events. One-off events added
    /// afterwards are kept.
    ///
    /// O(log n) plus one `nextDue` query: the occurrence's run (if it has one) hands its stages to the next due
    /// instant, and the stages that reach `due` later pass it by.
    /// - Returns: false when the schedule has no obligation `id`.
    @discardableResult
    public mutating func removeOccurrence(of id: String, due: Instant) -> Bool {
        guard let index = schedule.index(of: id) else { return false }
        let key = OccurrenceKey(obligation: Int32(index), due: due.microsecondsSinceEpoch)
        for serial in oneOffIndex[key.obligation]?.removeValue(forKey: key.due) ?? [] { oneOffs[serial] = nil }
        if removedOccurrences.insert(key).inserted, !removedObligations.contains(key.obligation),
            let run = runs.removeValue(forKey: key),
            let next = nextLiveDue(index, after: key.due, remembered: run.next)
        {
            handOver(index, stages: Int(run.first)...Int(run.last), to: next)
        }
        dropRemovedTop()
        return true
    }

    /// Adds a one-off event — a snoozed reminder: obligation `event.obligationID`'s stage `event.stage` for the due
    /// instant `event.due`, firing at `event.fireAt` — beside the plan. It fires once, in fire order with the rest,
    /// even when its obligation's planned events were removed; an instant already past fires at the next pop.
    /// O(log n).
    /// - Returns: false when the schedule has no obligation `event.obligationID`.
    @discardableResult
    public mutating func add(_ event: ReminderEvent) -> Bool {
        guard let index = schedule.index(of: event.obligationID) else { return false }
        let serial = takeSerial()
        let obligation = Int32(index)
        let due = event.due.microsecondsSinceEpoch
        oneOffs[serial] = event
        oneOffIndex[obligation, default: [:]][due, default: []].append(serial)
        queue.insert(
            QueueEntry(
                fire: event.fireAt.microsecondsSinceEpoch,
                due: due,
                obligation: obligation,
                stage: -1,
                serial: serial
            )
        )
        return true
    }

    /// The number of one-off events queued.
    public var oneOffCount: Int { oneOffs.count }

    /// Removes and returns the one-off event of `entry`.
    mutating func takeOneOff(_ entry: QueueEntry) -> ReminderEvent? {
        guard let event = oneOffs.removeValue(forKey: entry.serial) else { return nil }
        if var serials = oneOffIndex[entry.obligation]?[entry.due] {
            serials.removeAll { $0 == entry.serial }
            oneOffIndex[entry.obligation]?[entry.due] = serials.isEmpty ? nil : serials
            if oneOffIndex[entry.obligation]?.isEmpty == true { oneOffIndex[entry.obligation] = nil }
        }
        return event
    }
}
