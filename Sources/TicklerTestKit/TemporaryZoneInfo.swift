public import TicklerPlatform

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A zone database of the test's own under /tmp: a `zoneinfo/` directory with copies of some of the system's zone
/// files and an `etc/localtime` link into it, changed the way `timedatectl set-timezone` and a tzdata update
/// change the real ones (a new link or file renamed over the old), so nothing touches the real `/etc`.
public final class TemporaryZoneInfo: Sendable {
    /// The temporary directory holding `zoneinfo/` and `etc/`.
    private let files: TemporaryDirectory
    /// The directory holding `zoneinfo/` and `etc/`.
    public var root: String { files.path }
    /// The zoneinfo directory.
    public var directory: String { root + "/zoneinfo" }
    /// The system zone's link, the stand-in for `/etc/localtime`.
    public var localtime: String { root + "/etc/localtime" }

    /// Copies `zones` from `/usr/share/zoneinfo` and links `etc/localtime` to `systemZone` (one of them).
    public init(zones: [String], systemZone: String) {
        do {
            files = try TemporaryDirectory()
        } catch {
            preconditionFailure("\(error)")
        }
        mkdir(root + "/etc", 0o755)
        mkdir(directory, 0o755)
        for zone in zones { install(zone, from: zone) }
        setSystemZone(systemZone)
    }

    /// A database over this directory (no `$TZ`, no `/etc/timezone`).
    public func database() -> ZoneDatabase {
        ZoneDatabase(directory: directory, localtime: localtime, timezoneFile: root + "/etc/timezone")
    }

    /// Points `etc/localtime` at `zone`'s file: a new relative link renamed over the old one, as timedatectl does.
    public func setSystemZone(_ zone: String) {
        let temporary = root + "/etc/.localtime.new"
        unlink(temporary)
        precondition(symlink("../zoneinfo/" + zone, temporary) == 0, "symlink failed")
        precondition(rename(temporary, localtime) == 0, "rename failed")
    }

    /// Replaces the file of `zone` with the system's file of `source`, written beside it and renamed over it, as
    /// dpkg installs a tzdata update.
    public func install(_ zone: String, from source: String) {
        guard let bytes = RegularFile.contents(of: "/usr/share/zoneinfo/" + source, limit: 1 << 20) else {
            preconditionFailure("no zone file for \(source)")
        }
        let temporary: String
        do {
            temporary = try files.write(bytes: bytes, to: "zoneinfo/" + zone + ".dpkg-new")
        } catch {
            preconditionFailure("\(error)")
        }
        precondition(rename(temporary, directory + "/" + zone) == 0, "rename failed")
    }

    /// Deletes the directory tree.
    public func remove() {
        files.remove()
    }
}
