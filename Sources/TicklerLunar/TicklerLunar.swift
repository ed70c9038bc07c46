// TicklerLunar
