// tickler-baseline: the smallest process that holds what ticklerd is built from — the Swift runtime and
// concurrency, swift-log, swift-service-lifecycle, libsystemd (through Systemd), SQLite through GRDB (and with it
// Foundation) and jemalloc with ticklerd's settings (CTicklerAllocator) — doing nothing: it opens an in-memory
// database, sends READY=1 when $NOTIFY_SOCKET is set, and waits for SIGTERM. Tests/Benchmarks/memory-vs-baseline.py
// sets ticklerd's resident memory beside it.

import GRDB
import Logging
import ServiceLifecycle
import Systemd
import UnixSignals

let logger = Logger(label: "tickler-baseline")
let database = try DatabaseQueue()
let answer = try database.read { try Int.fetchOne($0, sql: "SELECT 1") }
logger.debug("database answered \(answer ?? 0)")
try? Notifier().send(.ready)
for await _ in await UnixSignalsSequence(trapping: .sigterm) { break }
