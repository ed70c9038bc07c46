// TicklerControl
