import Testing
import TicklerNotify

/// Backoff: doubling from the first pause to the cap, jitter within the upper half, the window.
@Suite struct RetryPolicyTests {
    @Test func pausesDoubleFromOneSecondToTheHourCap() {
        let policy = RetryPolicy()
        let seconds = (1...16).map { policy.baseDelay(afterAttempts: $0) / 1_000_000 }
        #expect(seconds == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600, 3600, 3600, 3600])
        #expect(policy.baseDelay(afterAttempts: Int.max) == 3_600_000_000)
    }

    @Test func jitterStaysWithinTheUpperHalfAndVaries() {
        let policy = RetryPolicy()
        var generator = SystemRandomNumberGenerator()
        let delays = (0..<200).map { _ in policy.delay(afterAttempts: 4, using: &generator) }
        #expect(delays.allSatisfy { $0 >= 4_000_000 && $0 <= 8_000_000 })
        #expect(Set(delays).count > 100)
    }

    @Test func aDeliveryExpiresAfterTheWindow() {
        let policy = RetryPolicy()
        #expect(!policy.isExpired(createdAt: 0, now: 86_400_000_000 - 1))
        #expect(policy.isExpired(createdAt: 0, now: 86_400_000_000))
        #expect(!policy.isExpired(createdAt: Int64.max, now: Int64.min))
    }
}
