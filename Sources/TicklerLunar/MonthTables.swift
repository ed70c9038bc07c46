/// The two calendars' month tables, each read on first use from ``MonthTableData`` (Swift initialises static stored
/// properties lazily and exactly once, even under concurrent first access). The data is what
/// ``MonthTable/init(kind:years:)`` computes from the astronomy, which MonthTableDataTests checks.
enum MonthTables {
    /// The Vietnamese calendar's table (UTC+7).
    static let vietnamese = MonthTable(
        kind: .vietnamese,
        firstYear: MonthTableData.firstYear,
        firstDay: MonthTableData.vietnameseFirstDay,
        encodedYears: MonthTableData.vietnamese
    )

    /// The Chinese calendar's table (UTC+8).
    static let chinese = MonthTable(
        kind: .chinese,
        firstYear: MonthTableData.firstYear,
        firstDay: MonthTableData.chineseFirstDay,
        encodedYears: MonthTableData.chinese
    )
}
