internal import GRDB
public import TicklerControlProtocol

extension SQLiteStateStore {
    public func occurrences() async throws(StateError) -> [OccurrenceRecord] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT obligation_id, due_us, resolution, snoozed_until_us, revision FROM occurrence
                    ORDER BY obligation_id, due_us
                    """
            )
            return rows.map { row in
                OccurrenceRecord(
                    obligationID: row[0],
                    due: row[1],
                    resolution: (row[2] as String?).flatMap(OccurrenceState.init(rawValue:)),
                    snoozedUntil: row[3],
                    revision: row[4]
                )
            }
        }
    }

    public func transition(to record: OccurrenceRecord, action: HistoryEntry) async throws(StateError) -> Bool {
        try await write(reason: "cannot record \(action.event) of \(record.obligationID)") { db in
            let stored =
                try Int.fetchOne(
                    db,
                    sql: "SELECT revision FROM occurrence WHERE obligation_id = ? AND due_us = ?",
                    arguments: [record.obligationID, record.due]
                ) ?? 0
            guard stored == record.revision - 1 else { return false }
            try db.execute(
                sql: """
                    INSERT INTO occurrence (obligation_id, due_us, resolution, snoozed_until_us, revision)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (obligation_id, due_us) DO UPDATE SET resolution = excluded.resolution,
                        snoozed_until_us = excluded.snoozed_until_us, revision = excluded.revision
                    """,
                arguments: [
                    record.obligationID, record.due, record.resolution?.rawValue, record.snoozedUntil, record.revision,
                ]
            )
            try db.execute(
                sql: """
                    INSERT INTO occurrence_action (obligation_id, due_us, at_us, event, user, note, snoozed_until_us)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.obligationID, action.due, action.at, action.event, action.user, action.note,
                    action.snoozedUntil,
                ]
            )
            return true
        }
    }

    public func actions(obligationID: String) async throws(StateError) -> [HistoryEntry] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT at_us, due_us, event, user, note, snoozed_until_us FROM occurrence_action
                    WHERE obligation_id = ? ORDER BY id
                    """,
                arguments: [obligationID]
            )
            return rows.map { row in
                HistoryEntry(at: row[0], due: row[1], event: row[2], user: row[3], note: row[4], snoozedUntil: row[5])
            }
        }
    }
}
