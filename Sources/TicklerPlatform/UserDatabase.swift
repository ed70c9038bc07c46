#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Users and groups as the system's name service knows them (`/etc/passwd`, `/etc/group`, systemd's dynamic
/// users): names of user ids, ids of group names, the groups a user belongs to.
public enum UserDatabase {
    /// The most bytes a look-up buffer grows to before the look-up gives up.
    private static let maximumBuffer = 1 << 20

    /// Runs a reentrant look-up (`getpwuid_r`, `getgrnam_r`) with a buffer that grows while it is too small.
    private static func lookUp(_ body: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> Bool {
        var size = 4096
        while size <= maximumBuffer {
            let result = withUnsafeTemporaryAllocation(of: CChar.self, capacity: size) { buffer in
                body(buffer.baseAddress!, size)
            }
            guard result == ERANGE else { return result == 0 }
            size *= 2
        }
        return false
    }

    /// The name of the user `uid`, nil when it has none.
    public static func userName(of uid: UInt32) -> String? {
        var entry = passwd()
        var name: String?
        _ = lookUp { buffer, size in
            var found: UnsafeMutablePointer<passwd>?
            let result = getpwuid_r(uid, &entry, buffer, size, &found)
            if result == 0, let found, let pointer = found.pointee.pw_name { name = String(cString: pointer) }
            return result
        }
        return name
    }

    /// The id of the group `name`, nil when there is none.
    public static func groupID(named name: String) -> UInt32? {
        var entry = group()
        var id: UInt32?
        _ = lookUp { buffer, size in
            var found: UnsafeMutablePointer<group>?
            let result = getgrnam_r(name, &entry, buffer, size, &found)
            if result == 0, let found { id = found.pointee.gr_gid }
            return result
        }
        return id
    }

    /// The groups the user `name` belongs to: `primaryGroup` and every group that lists them (`getgrouplist`).
    public static func groups(ofUser name: String, primaryGroup: UInt32) -> [UInt32] {
        var count: Int32 = 64
        for _ in 0..<3 {
            var groups = [gid_t](repeating: 0, count: Int(count))
            var found = count
            if getgrouplist(name, primaryGroup, &groups, &found) >= 0 { return Array(groups.prefix(Int(found))) }
            guard found > count, found <= 65_536 else { break }
            count = found
        }
        return [primaryGroup]
    }
}
