import TicklerSchedule

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Whether ticklerd's service user can read a schedule, judged from the permission bits as the unit sets it up.
///
/// The unit runs ticklerd as a dynamic user (`DynamicUser=yes`) with the supplementary group `tickler`: a user that
/// owns no file under `/etc` and belongs to no group but its own and `tickler`. So it reads a file only through the
/// bits for others, or for the group when the file's group is `tickler`; it opens a file only when every directory
/// above it lets others (or `tickler`) search it, and sees drop-ins only when it may list `schedule.d`. A check run
/// as root reads everything, so ``problems(at:)`` asks the bits, not `access(2)`.
struct ServiceUserAccess {
    /// The group of the unit's `SupplementaryGroups=`.
    static let groupName = "tickler"

    /// The id of the group `tickler`, when it exists on this machine.
    let groupID: gid_t?

    /// Access as judged on this machine (looking the group `tickler` up).
    init() {
        groupID = getgrnam(Self.groupName).map { $0.pointee.gr_gid }
    }

    /// Access for a machine where the group `tickler` has `groupID` (nil: no such group).
    init(groupID: gid_t?) {
        self.groupID = groupID
    }

    /// What the service user cannot read of the configuration at `path` whose files are `files`: one error per
    /// file, directory to list or directory to pass through.
    func problems(at path: String, files: [String]) -> [ScheduleDiagnostic] {
        var problems: [ScheduleDiagnostic] = []
        var checkedDirectories: Set<String> = []
        let dropIns = isDirectory(path) ? (path.hasSuffix("/") ? String(path.dropLast()) : path) + "/schedule.d" : nil
        for directory in ancestors(of: path) where checkedDirectories.insert(directory).inserted {
            if let problem = problem(directory, needs: .search) { problems.append(problem) }
        }
        if let dropIns, isDirectory(dropIns), checkedDirectories.insert(dropIns).inserted {
            if let problem = problem(dropIns, needs: .list) { problems.append(problem) }
        }
        for file in files {
            if let problem = problem(file, needs: .read) { problems.append(problem) }
        }
        return problems
    }

    /// What the service user must be able to do with a path.
    enum Need {
        /// Open a file for reading.
        case read
        /// Pass through a directory to what is inside.
        case search
        /// List a directory and pass through it.
        case list
    }

    /// The error for `path` when the service user lacks `need` on it; nil when it has it or `path` cannot be
    /// examined (loading reports a missing file).
    func problem(_ path: String, needs need: Need) -> ScheduleDiagnostic? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mode = info.st_mode
        let inGroup = groupID.map { info.st_gid == $0 } ?? false
        func allows(_ others: mode_t, _ group: mode_t) -> Bool {
            mode & others != 0 || (inGroup && mode & group != 0)
        }
        let allowed: Bool
        let what: String
        switch need {
        case .read:
            allowed = allows(S_IROTH, S_IRGRP)
            what = "read"
        case .search:
            allowed = allows(S_IXOTH, S_IXGRP)
            what = "pass through"
        case .list:
            allowed = allows(S_IROTH, S_IRGRP) && allows(S_IXOTH, S_IXGRP)
            what = "list"
        }
        guard !allowed else { return nil }
        let octal = String(mode & 0o7777, radix: 8)
        let permissions = String(repeating: "0", count: max(0, 4 - octal.count)) + octal
        let fix = need == .read ? "r" : need == .search ? "x" : "rx"
        let message =
            "ticklerd's service user cannot \(what) this (mode \(permissions), owner \(Self.nameOfUser(info.st_uid)), group \(Self.nameOfGroup(info.st_gid))): "
            + "the service runs as a dynamic user (DynamicUser=yes) that reads the schedule only through the "
            + "permissions for others, or for the group \(Self.groupName); "
            + "run `chmod o+\(fix) \(path)`, or `chgrp \(Self.groupName) \(path) && chmod g+\(fix) \(path)`"
        return ScheduleDiagnostic(file: path, line: nil, column: nil, scope: .file, key: nil, message: message)
    }

    /// The directories the service passes through to reach what `path` names: its parents from `/` down, and
    /// `path` itself when it is a directory.
    private func ancestors(of path: String) -> [String] {
        let absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        let parts = absolute.split(separator: "/", omittingEmptySubsequences: true)
        var directories = ["/"]
        var current = ""
        for part in parts.dropLast() {
            current += "/" + part
            directories.append(current)
        }
        if isDirectory(absolute) { directories.append(absolute) }
        return directories
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private func currentDirectory() -> String {
        guard let buffer = getcwd(nil, 0) else { return "." }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// The name of user `uid`, or the number.
    private static func nameOfUser(_ uid: uid_t) -> String {
        getpwuid(uid).map { String(cString: $0.pointee.pw_name) } ?? String(uid)
    }

    /// The name of group `gid`, or the number.
    private static func nameOfGroup(_ gid: gid_t) -> String {
        getgrgid(gid).map { String(cString: $0.pointee.gr_name) } ?? String(gid)
    }
}
