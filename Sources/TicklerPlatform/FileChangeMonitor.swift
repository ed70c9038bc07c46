import CTicklerPlatform
import Synchronization
public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Notices, through inotify, when files are replaced, created, removed or rewritten: the way the daemon learns of a
/// new `/etc/localtime` (`timedatectl set-timezone`) or a tzdata update, without polling.
///
/// It watches the directory of each file (a file renamed over another, as timedatectl and dpkg do, never changes
/// the old inode) and keeps only the events that name one of the files. A change is a mailbox: any number of
/// events before ``takeChange()`` count as one, and waiting does not consume it. The descriptor is watched by the
/// ``EventLoop``, so no thread blocks and nothing wakes up unless a watched directory changes.
public final class FileChangeMonitor: Sendable {
    /// The events of a directory that can change a file in it.
    private static let directoryEvents =
        UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_DONT_FOLLOW) | UInt32(IN_ONLYDIR)

    /// What is watched, whether a change is pending, and who waits for one.
    private struct State {
        /// The watched directory of each watch descriptor, and the names in it that matter.
        var watches: [Int32: (directory: String, names: Set<String>)] = [:]
        /// The watch descriptor of each watched directory.
        var descriptors: [String: Int32] = [:]
        var pending = false
        /// How many events named a watched file (or lost track of one) so far.
        var relevantEvents = 0
        var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
        var nextWaiter = 0
    }

    /// The inotify descriptor.
    private let descriptor: Int32
    /// The loop watching the descriptor.
    private let loop: EventLoop
    /// The loop's token for the descriptor (set once the watch is in place).
    private let token = Mutex<UInt64?>(nil)
    /// The watches, the pending change and the waiters.
    private let state = Mutex(State())

    /// A monitor that watches nothing yet.
    /// - Throws: the `Errno` of `inotify_init1` (`EMFILE` when the user's inotify instances are used up), or of
    ///   putting the descriptor into the event loop.
    public init() throws(Errno) {
        loop = try EventLoop.reactor()
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Errno(rawValue: errno) }
        self.descriptor = descriptor
        do {
            let watch = try loop.watch(descriptor) { [weak self] in self?.drain() }
            token.withLock { $0 = watch }
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Gives the descriptor back to the loop, which closes it.
    deinit {
        guard let watch = token.withLock({ $0.take() }) else { return }
        loop.retire(watch, descriptor: descriptor) { [descriptor] in close(descriptor) }
    }

    /// Watches exactly `files` from now on (their directories; files added, directories no longer needed dropped).
    /// A file whose directory does not exist is not watched.
    public func watch(_ files: [String]) {
        var wanted: [String: Set<String>] = [:]
        for file in files {
            guard let slash = file.lastIndex(of: "/") else { continue }
            let directory = slash == file.startIndex ? "/" : String(file[..<slash])
            wanted[directory, default: []].insert(String(file[file.index(after: slash)...]))
        }
        state.withLock { state in
            for (directory, watch) in state.descriptors where wanted[directory] == nil {
                inotify_rm_watch(descriptor, watch)
                state.descriptors[directory] = nil
                state.watches[watch] = nil
            }
            for (directory, names) in wanted {
                if let watch = state.descriptors[directory] {
                    state.watches[watch]?.names = names
                    continue
                }
                let watch = inotify_add_watch(descriptor, directory, Self.directoryEvents)
                guard watch >= 0 else { continue }
                state.descriptors[directory] = watch
                state.watches[watch] = (directory, names)
            }
        }
    }

    /// The directories watched now.
    public var watchedDirectories: [String] {
        state.withLock { $0.descriptors.keys.sorted() }
    }

    /// How many events so far named a watched file, or lost track of one (a directory gone, the queue overflowed).
    public var relevantEventCount: Int {
        state.withLock { $0.relevantEvents }
    }

    /// Takes the pending change: true when a watched file changed since the last call.
    public func takeChange() -> Bool {
        state.withLock { state in
            defer { state.pending = false }
            return state.pending
        }
    }

    /// Returns once a change is pending (at once if one already is), without taking it.
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func waitForChange() async throws {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.pending { return .success(()) }
                    state.waiters[id] = continuation
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Reads every queued event; a relevant one makes a change pending and wakes the waiters.
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var events: [(watch: Int32, mask: UInt32, name: String)] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            events += Self.parse(buffer[0..<count])
        }
        guard !events.isEmpty else { return }
        let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            var changed = false
            for event in events {
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changed = true
                    state.relevantEvents += 1
                    continue
                }
                guard let watch = state.watches[event.watch] else { continue }
                let gone = UInt32(IN_IGNORED) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
                if event.mask & gone != 0 {
                    // The directory itself went away or moved: its files changed; watch it again at the next
                    // watch(_:).
                    changed = true
                    state.relevantEvents += 1
                    state.watches[event.watch] = nil
                    state.descriptors[watch.directory] = nil
                } else if watch.names.contains(event.name) {
                    changed = true
                    state.relevantEvents += 1
                }
            }
            guard changed else { return [] }
            state.pending = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// The events in `bytes`: `struct inotify_event` records, each a header of 16 bytes and a NUL-padded name.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> [(watch: Int32, mask: UInt32, name: String)] {
        /// The 32-bit word at `at`, in the host's byte order as the kernel writes it.
        func word(_ at: Int) -> UInt32 {
            bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at - bytes.startIndex, as: UInt32.self) }
        }
        var events: [(watch: Int32, mask: UInt32, name: String)] = []
        var position = bytes.startIndex
        while position + 16 <= bytes.endIndex {
            let length = Int(word(position + 12))
            guard position + 16 + length <= bytes.endIndex else { break }
            let nameBytes = bytes[(position + 16)..<(position + 16 + length)].prefix { $0 != 0 }
            events.append(
                (Int32(bitPattern: word(position)), word(position + 4), String(decoding: nameBytes, as: UTF8.self))
            )
            position += 16 + length
        }
        return events
    }
}
