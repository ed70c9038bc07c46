#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to a file descriptor with `write(2)`, retrying short writes and interruptions.
struct FileDescriptorSink: OutputSink {
    /// The descriptor, 1 for standard output.
    let descriptor: Int32

    static let standardOutput = FileDescriptorSink(descriptor: 1)
    static let standardError = FileDescriptorSink(descriptor: 2)

    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard var address = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, address, remaining)
            #else
            let written = Darwin.write(descriptor, address, remaining)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            address += written
            remaining -= written
        }
    }

    /// Writes `ticklerctl: message` on standard error: the one form of every error and note ticklerctl prints,
    /// whatever the verb, with control characters escaped (``Terminal/escaped(_:)``), since messages quote the
    /// schedule's text.
    static func diagnose(_ message: String) {
        var errors = standardError
        errors.writeLine(Terminal.escaped("ticklerctl: " + message))
    }

    /// Writes a line of text.
    mutating func writeLine(_ text: String) {
        var line = Array(text.utf8)
        line.append(UInt8(ascii: "\n"))
        line.withUnsafeBytes { write($0) }
    }
}
