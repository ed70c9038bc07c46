extension ZoneRules {
    /// The offset in force at `seconds` (UTC) and the UTC seconds `start ..< end` over which it holds unchanged;
    /// nil bounds are unbounded.
    func offsetSpan(atUTCSeconds seconds: Int64) -> (offset: Int32, start: Int64?, end: Int64?) {
        if let constantOffset { return (constantOffset, nil, nil) }
        let offset = offset(atUTCSeconds: seconds)
        if let last = transitionTimes.last, seconds >= last, let footer {
            let (start, end) = footer.switchesAround(utcSeconds: seconds)
            return (offset, max(start ?? last, last), end)
        }
        // The number of transitions at or before `seconds`.
        var low = 0
        var high = transitionTimes.count
        while low < high {
            let middle = (low + high) / 2
            if transitionTimes[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        let start = low > 0 ? transitionTimes[low - 1] : nil
        if low < transitionTimes.count { return (offset, start, transitionTimes[low]) }
        return (offset, start, footer.flatMap { $0.switchesAround(utcSeconds: seconds).next })
    }
}

extension PosixZoneRule {
    /// The latest switch at or before `seconds` and the first after it (UTC), if the rule has any.
    func switchesAround(utcSeconds seconds: Int64) -> (previous: Int64?, next: Int64?) {
        guard let daylight else { return (nil, nil) }
        let localSeconds = seconds + Int64(standardOffset)
        let day = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        let year = CivilDate(daysSinceEpoch: Int(day)).year
        var previous: Int64?
        var next: Int64?
        for candidateYear in (year - 1)...(year + 1) {
            for instant in [
                daylight.start.utcSeconds(in: candidateYear, offsetBefore: standardOffset),
                daylight.end.utcSeconds(in: candidateYear, offsetBefore: daylight.offset),
            ] {
                if instant <= seconds {
                    previous = max(previous ?? instant, instant)
                } else {
                    next = min(next ?? instant, instant)
                }
            }
        }
        return (previous, next)
    }
}
