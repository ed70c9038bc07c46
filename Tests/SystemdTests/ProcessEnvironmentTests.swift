import Testing

/// Tests that change process-wide environment variables (`NOTIFY_SOCKET`, `WATCHDOG_*`); they run one at a time.
@Suite(.serialized)
struct ProcessEnvironmentTests {}
