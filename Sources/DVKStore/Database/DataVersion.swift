import GRDB

extension AppDatabase {
    /// SQLite's `PRAGMA data_version` on the writer connection: it changes
    /// when another connection (another officer's dvk) commits, and not for
    /// this process's own saves, which reload their screen already. Always
    /// asked on the same connection: each connection counts on its own.
    public func dataVersion() throws -> Int64 {
        do {
            return try writer.writeWithoutTransaction { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch let e as DatabaseError {
            throw AppDatabase.translate(e, path: path)
        }
    }
}
