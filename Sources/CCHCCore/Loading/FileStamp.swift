#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What tells one version of a file from another without reading it: size, modification time
/// and inode (an editor's save-by-rename changes the inode even when size and time look the same).
///
/// The preview's watcher compares stamps to see changes, and ``ParseCache`` keys parse results by them.
public struct FileStamp: Hashable, Sendable {
    /// The size in bytes.
    public var size: Int64
    /// The modification time: whole seconds since 1970.
    public var seconds: Int64
    /// The modification time: nanoseconds within the second.
    public var nanoseconds: Int64
    /// The inode number.
    public var inode: UInt64

    /// Makes a stamp from its parts.
    public init(size: Int64, seconds: Int64, nanoseconds: Int64, inode: UInt64) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.inode = inode
    }

    /// How many seconds old a change must be before a stamp is trusted to tell it from the next
    /// one: a file system's clock moves in ticks (a few milliseconds here, two seconds on FAT), and
    /// two saves within one tick, of the same size, leave the same stamp.
    public static let settling: Int64 = 2

    /// Whether the change this stamp records is old enough, at `now` (seconds since 1970), for a
    /// later change to be sure to show in the stamp.
    public func isSettled(now: Int64) -> Bool { seconds + FileStamp.settling < now }

    /// `stat` of a path; nil when it does not exist.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// The stamp in a `stat` result.
    public init(_ info: stat) {
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
            seconds = Int64(info.st_mtimespec.tv_sec)
            nanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
            seconds = Int64(info.st_mtim.tv_sec)
            nanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
