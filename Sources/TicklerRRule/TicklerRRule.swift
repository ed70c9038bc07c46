// TicklerRRule
