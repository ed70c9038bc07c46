extension ZoneRules {
    /// The latest change of offset at or before `instant`, or nil when the zone has never changed its offset before.
    public func lastTransition(atOrBefore instant: Instant) -> ZoneTransition? {
        var seconds = instant.secondsSinceEpoch
        // Spans can start with a switch that keeps the offset (a change of name only); look further back past those,
        // a bounded number of times.
        for _ in 0..<64 {
            guard let start = offsetSpan(atUTCSeconds: seconds).start else { return nil }
            if let transition = transition(atUTCSeconds: start) { return transition }
            seconds = start - 1
        }
        return nil
    }

    /// The changes of offset strictly after `start` and at or before `end`, in order, at most `limit` of them.
    public func transitions(after start: Instant, through end: Instant, limit: Int) -> [ZoneTransition] {
        var result: [ZoneTransition] = []
        var seconds = start.secondsSinceEpoch
        let last = end.secondsSinceEpoch
        // Each step moves to the next switch, so the loop ends at `end`; the step bound only guards the degenerate.
        for _ in 0..<(min(max(limit, 0), 1 << 20) * 4 + 64) {
            guard result.count < limit, let next = offsetSpan(atUTCSeconds: seconds).end, next <= last, next > seconds
            else { break }
            if let transition = transition(atUTCSeconds: next), transition.instant > start {
                result.append(transition)
            }
            seconds = next
        }
        return result
    }

    /// The transition at `seconds` (UTC), or nil when the offset does not change there.
    private func transition(atUTCSeconds seconds: Int64) -> ZoneTransition? {
        let before = offset(atUTCSeconds: seconds - 1)
        let after = offset(atUTCSeconds: seconds)
        guard before != after else { return nil }
        return ZoneTransition(
            instant: Instant(secondsSinceEpoch: seconds),
            offsetBefore: Int(before),
            offsetAfter: Int(after),
            isDaylightSaving: isDaylightSaving(offset: after, after: before, atUTCSeconds: seconds)
        )
    }

    /// Whether `offset`, in force from `seconds` after `previous`, is daylight time (see ``ZoneTransition``).
    private func isDaylightSaving(offset: Int32, after previous: Int32, atUTCSeconds seconds: Int64) -> Bool {
        if let footer, seconds >= (transitionTimes.last ?? Int64.min) {
            guard let daylight = footer.daylight else { return false }
            if offset == footer.standardOffset { return false }
            if offset == daylight.offset { return true }
        }
        return offset > previous
    }
}
