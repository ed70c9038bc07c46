// TicklerOnCalendar
