// TicklerDaemon
