/// The two calendars' month tables, each computed on first use (Swift initialises static stored properties lazily
/// and exactly once, even under concurrent first access).
enum MonthTables {
    /// The Vietnamese calendar's table (UTC+7).
    static let vietnamese = MonthTable(kind: .vietnamese, years: LunisolarCalendar.supportedYears)

    /// The Chinese calendar's table (UTC+8).
    static let chinese = MonthTable(kind: .chinese, years: LunisolarCalendar.supportedYears)
}
