extension ZoneRules {
    /// Reads an ISO 8601 date or date-time; one with an offset (`Z`, `+07:00`) names that instant,
    /// one without is a wall-clock time in this zone. Nil when the text is not ISO 8601.
    public func instant(parsing text: String) -> Instant? {
        if let zoned = ZonedDateTime(iso: text) { return zoned.instant }
        return LocalDateTime(iso: text).map { instant(for: $0) }
    }
}
