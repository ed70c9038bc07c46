// TicklerSchedule
