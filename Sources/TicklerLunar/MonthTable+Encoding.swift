extension MonthTable {
    /// The table's lunar years, one number each: bit `i` (0–12) set when the year's month at position `i` (month 1
    /// at 0) has 30 days rather than 29, and bits 13–16 the position of its leap month (0: none). With the day
    /// month 1 of the first year starts on, this is the whole table (``MonthTableData`` holds both calendars').
    var encodedYears: [UInt32] {
        (0...(lastYear - firstYear)).map { offset in
            let first = Int(yearStarts[offset])
            var word: UInt32 = 0
            for index in first..<Int(yearStarts[offset + 1]) {
                if starts[index + 1] - starts[index] == 30 { word |= 1 << UInt32(index - first) }
                if labels[index] & Self.leapFlag != 0 { word |= UInt32(index - first) << 13 }
            }
            return word
        }
    }

    /// The table of `kind` whose year `firstYear` starts on day `firstDay` (days since 1970-01-01), read from
    /// ``encodedYears``: a few thousand additions instead of the astronomy (about 20 ms a calendar at start).
    init(kind: LunarCalendarKind, firstYear: Int, firstDay: Int32, encodedYears years: [UInt32]) {
        var starts: [Int32] = [firstDay]
        var labels: [UInt8] = []
        var yearStarts: [Int32] = []
        starts.reserveCapacity(13 * years.count + 1)
        labels.reserveCapacity(13 * years.count)
        for word in years {
            yearStarts.append(Int32(labels.count))
            let leapPosition = Int(word >> 13 & 0xF)
            var month: UInt8 = 0
            for position in 0..<(leapPosition == 0 ? 12 : 13) {
                if position == leapPosition && position > 0 {
                    labels.append(month | Self.leapFlag)
                } else {
                    month += 1
                    labels.append(month)
                }
                starts.append(starts[starts.count - 1] + (word >> UInt32(position) & 1 == 0 ? 29 : 30))
            }
        }
        yearStarts.append(Int32(labels.count))
        labels.append(1)
        self.kind = kind
        self.firstYear = firstYear
        self.lastYear = firstYear + years.count - 1
        self.starts = starts
        self.labels = labels
        self.yearStarts = yearStarts
    }
}
