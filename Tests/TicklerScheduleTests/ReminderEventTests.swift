import Testing
import TicklerCalendar
import TicklerSchedule

/// Event identity, journal fields and human messages.
@Suite("ReminderEvent")
struct ReminderEventTests {
    private static let due = TestSupport.instant("2027-01-27T08:00:00+07:00")
    private static let title = "Gia hạn Thỏa thuận quản lý lao động qua biên giới với châu Văn Sơn"

    private func event(_ stage: ReminderStage, fireOffsetSeconds: Int64) -> ReminderEvent {
        ReminderEvent(
            obligationID: "labour-agreement-van-son",
            due: Self.due,
            stage: stage,
            fireAt: Self.due.adding(seconds: fireOffsetSeconds)
        )
    }

    static let messageCases: [(ReminderStage, Int64, String)] = [
        (.reminder(lead: Period(7, .day)), -7 * 86_400, "in 7 days"),
        (.reminder(lead: Period(1, .week)), -7 * 86_400, "in 7 days"),
        (.reminder(lead: Period(1, .day)), -86_400, "in 1 day"),
        (.reminder(lead: Period(36, .hour)), -36 * 3600, "in 1 day 12 hours"),
        (.reminder(lead: Period(90, .minute)), -5400, "in 1 hour 30 minutes"),
        (.reminder(lead: Period(45, .second)), -45, "in 45 seconds"),
        (.reminder(lead: Period(49, .hour)), -49 * 3600, "in 2 days 1 hour"),
        (.due, 0, "due now"),
        (.overdue(1), 86_400, "overdue by 1 day"),
        (.overdue(3), 3 * 86_400, "overdue by 3 days"),
        (.overdue(3), 3 * 12 * 3600, "overdue by 1 day 12 hours"),
        (.overdue(2), 2 * 1800, "overdue by 1 hour"),
    ]

    @Test("messages name the lead or lateness in days, hours, minutes and seconds", arguments: messageCases)
    func message(stage: ReminderStage, offset: Int64, prefix: String) {
        let text = event(stage, fireOffsetSeconds: offset).message(title: Self.title, zone: TestSupport.hanoi)
        #expect(text == "\(prefix): \(Self.title) (due 2027-01-27 08:00 +07)")
    }

    @Test("the message for an obligation uses its title and zone")
    func messageForObligation() {
        let obligation = Obligation(
            id: "x",
            title: "Thư chúc mừng",
            zone: .fixed(offsetSeconds: 5 * 3600 + 1800),
            recurrence: OnceRecurrence(at: Self.due),
            recurrenceDescription: "once",
            source: SourceLocation(file: "f", line: 1)
        )
        #expect(
            event(.due, fireOffsetSeconds: 0).message(for: obligation)
                == "due now: Thư chúc mừng (due 2027-01-27 06:30 +05:30)"
        )
    }

    @Test("journal fields: TICKLER_EVENT kind, TICKLER_DUE with offset, TICKLER_LEAD")
    func fields() {
        let reminder = event(.reminder(lead: Period(7, .day)), fireOffsetSeconds: -7 * 86_400)
        #expect(reminder.stage.eventKind == "reminder")
        #expect(reminder.stageKey == "remind-7d")
        #expect(reminder.lead?.description == "7d")
        #expect(reminder.dueText(in: TestSupport.hanoi) == "2027-01-27T08:00:00+07:00")
        #expect(event(.due, fireOffsetSeconds: 0).stage.eventKind == "due")
        #expect(event(.due, fireOffsetSeconds: 0).lead == nil)
        #expect(event(.overdue(3), fireOffsetSeconds: 3 * 86_400).stage.eventKind == "overdue")
        #expect(event(.overdue(3), fireOffsetSeconds: 3 * 86_400).stageKey == "overdue-3")
    }

    @Test(
        "stage keys read back",
        arguments: [
            ("remind-7d", ReminderStage.reminder(lead: Period(7, .day))),
            ("remind-90min", .reminder(lead: Period(90, .minute))),
            ("due", .due), ("overdue-1", .overdue(1)), ("overdue-30", .overdue(30)),
        ]
    )
    func stageKeys(key: String, stage: ReminderStage) {
        #expect(stage.key == key)
        #expect(ReminderStage(key: key) == stage)
    }

    @Test(
        "malformed stage keys are rejected",
        arguments: ["", "remind-", "remind-0", "remind-5q", "overdue-0", "overdue-x", "Due"]
    )
    func badStageKeys(key: String) {
        #expect(ReminderStage(key: key) == nil)
    }
}
