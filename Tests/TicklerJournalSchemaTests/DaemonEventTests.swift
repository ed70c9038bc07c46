import Testing
import TicklerJournalSchema

@Suite struct DaemonEventTests {
    @Test(
        "each kind has its fixed name, MESSAGE_ID and priority",
        arguments: [
            (DaemonEventKind.reminder, "reminder", "e6b96e6c4b04453280eecc44e0bb39aa", Priority.notice),
            (.due, "due", "f4e291e60b98407581fcb1e702e90334", .warning),
            (.overdue, "overdue", "5aafb26a11834a03ad1787cc342fc0d7", .error),
            (.reloaded, "reloaded", "22384202e98e4b2fa697542d80b8a09e", .info),
            (.reloadFailed, "reload-failed", "34cd325ee4054372bd579f345a53ecba", .error),
            (.started, "started", "06a01c068e364f58b33fb70dd5aaf78b", .info),
            (.stopping, "stopping", "0f1322fff8a04ce29177407843361b20", .info),
            (.stateError, "state-error", "31f5bf3a97344af2a1b4cef8a5433795", .error),
            (.zoneChanged, "zone-changed", "3c2b0752cd0d4b469123b15d82ab29e8", .notice),
            (.delivered, "delivered", "640df82839104fda80cbc8f2db5f69cd", .info),
            (.deliveryFailed, "delivery-failed", "390d85aebb1447afae74d978e1bb3e31", .warning),
            (.deliveryDead, "delivery-dead", "722f667f3f3d436b9dca7254c4fd4851", .error),
            (.escalated, "escalated", "09ca4a23b3d04e68bb8e2f97f8ab239c", .critical),
            (.acknowledged, "acknowledged", "1603918d74b94450990bedcb0dd6b9a6", .notice),
            (.snoozed, "snoozed", "f7538944b7d3470097213a421eaec569", .notice),
            (.skipped, "skipped", "95f5fbf3100e460fb74d3515126ebd2b", .notice),
            (.reopened, "reopened", "67a62f3060d54b3eb1c263601fde7c0f", .warning),
        ]
    )
    func kinds(kind: DaemonEventKind, name: String, messageID: String, priority: Priority) {
        #expect(kind.name == name)
        #expect(kind.messageID == messageID)
        #expect(kind.priority == priority)
        #expect(DaemonEventKind(name: name) == kind)
    }

    @Test func everyKindIsInTheTableAbove() {
        #expect(DaemonEventKind.allCases.count == 17)
    }

    @Test func messageIDsAreDistinct128BitHex() {
        let ids = DaemonEventKind.allCases.map(\.messageID)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(
                id.utf8.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            )
        }
    }

    @Test("every syslog priority, alert and emerg included", arguments: Priority.allCases)
    func priorities(priority: Priority) {
        let names = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"]
        #expect(priority.name == names[priority.rawValue])
    }

    @Test func fieldNamesAreValidJournalFieldNames() {
        for field in EventField.allCases {
            #expect(field.name.hasPrefix("TICKLER_"))
            #expect(field.name.utf8.count <= 64)
            #expect(field.name.utf8.allSatisfy { (0x41...0x5A).contains($0) || $0 == 0x5F })
        }
        #expect(
            EventField.allCases.map(\.name) == [
                "TICKLER_EVENT", "TICKLER_OBLIGATION", "TICKLER_DUE", "TICKLER_LEAD", "TICKLER_TITLE", "TICKLER_USER",
                "TICKLER_NOTE", "TICKLER_ESCALATION", "TICKLER_CHANNEL", "TICKLER_NOTIFY",
                "TICKLER_STAGE", "TICKLER_PARTNER", "TICKLER_ATTEMPTS", "TICKLER_ERROR", "TICKLER_DELIVERY_KEY",
            ]
        )
    }

    static let reminder = DaemonEvent(
        kind: .reminder,
        message: "in 7 days: Thư (due 2027-10-01 08:00 +07)",
        obligationID: "greeting-cn",
        due: "2027-10-01T08:00:00+07:00",
        lead: "7d",
        title: "Thư"
    )

    @Test func fieldsComeInAStableOrder() {
        #expect(
            Self.reminder.fields.map { "\($0.name)=\($0.value)" } == [
                "TICKLER_EVENT=reminder", "MESSAGE_ID=e6b96e6c4b04453280eecc44e0bb39aa",
                "TICKLER_OBLIGATION=greeting-cn", "TICKLER_DUE=2027-10-01T08:00:00+07:00", "TICKLER_LEAD=7d",
                "TICKLER_TITLE=Thư",
            ]
        )
        var event = DaemonEvent(kind: .started, message: "started", values: [.event: "forged", .note: "n"])
        #expect(event.fields.map(\.name) == ["TICKLER_EVENT", "MESSAGE_ID", "TICKLER_NOTE"])
        #expect(event.fields.first?.value == "started")
        event.title = "t"
        #expect(event.values[.title] == "t")
    }

    @Test func anEventReadsBackFromItsJournalFields() {
        var fields = Dictionary(uniqueKeysWithValues: Self.reminder.fields.map { ($0.name, $0.value) })
        fields["MESSAGE"] = Self.reminder.message
        fields["PRIORITY"] = "5"
        fields["_PID"] = "42"
        #expect(DaemonEvent(journalFields: fields) == Self.reminder)
        fields["TICKLER_EVENT"] = "unknown-kind"
        #expect(DaemonEvent(journalFields: fields) == nil)
        #expect(DaemonEvent(journalFields: ["MESSAGE": "not ours"]) == nil)
    }
}
