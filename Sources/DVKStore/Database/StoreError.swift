import DVKCore

/// Why the store refused: one line an officer can act on, and an exit code.
public enum StoreError: Error, Equatable, Sendable {
    case notADatabase(path: String)
    case newerSchema(path: String)
    case readOnly(path: String)
    case locked(path: String)
    case cannotOpen(path: String, reason: String)
    case invalid(record: String, issues: [ValidationIssue])
    case notFound(what: String)
    case importFailed(file: String, line: Int, message: String)
    /// Undo/redo that cannot be applied as asked.
    case cannotRevert(reason: String)
    /// SQLite refused a row (a CHECK or a reference): a data error, not a broken file.
    case constraint(detail: String)

    /// Exit codes: 2 usage (argument parser), 3 database unusable, 4 locked, 5 bad data.
    public var exitCode: Int32 {
        switch self {
        case .notADatabase, .newerSchema, .readOnly, .cannotOpen: return 3
        case .locked: return 4
        case .invalid, .notFound, .importFailed, .constraint, .cannotRevert: return 5
        }
    }

    public func message(_ lang: Language) -> String {
        switch (self, lang) {
        case let (.notADatabase(p), .vi): return "Tệp “\(p)” không phải cơ sở dữ liệu SQLite của dvk (có thể bị hỏng hoặc sai tệp)."
        case let (.notADatabase(p), .en): return "“\(p)” is not a dvk SQLite database (damaged, or the wrong file)."
        case let (.newerSchema(p), .vi): return "Cơ sở dữ liệu “\(p)” do phiên bản dvk mới hơn tạo ra: hãy cập nhật dvk; dữ liệu không bị thay đổi."
        case let (.newerSchema(p), .en): return "Database “\(p)” was written by a newer dvk: update dvk; nothing was changed."
        case let (.readOnly(p), .vi): return "Tệp “\(p)” chỉ cho phép đọc: cần quyền ghi để mở (chmod u+w), dữ liệu không bị thay đổi."
        case let (.readOnly(p), .en): return "“\(p)” is read-only: it needs write permission (chmod u+w); nothing was changed."
        case let (.locked(p), .vi): return "Cơ sở dữ liệu “\(p)” đang bị một tiến trình khác khóa: đóng chương trình đó rồi thử lại."
        case let (.locked(p), .en): return "Database “\(p)” is locked by another process: close it and try again."
        case let (.cannotOpen(p, r), .vi): return "Không mở được “\(p)”: \(r)"
        case let (.cannotOpen(p, r), .en): return "Cannot open “\(p)”: \(r)"
        case let (.invalid(rec, issues), _):
            let what = lang == .vi ? "Dữ liệu không hợp lệ" : "Invalid data"
            return "\(what) (\(rec)): " + issues.map { "\($0.field): \($0.message(lang))" }.joined(separator: "; ")
        case let (.notFound(w), .vi): return "Không tìm thấy \(w)."
        case let (.notFound(w), .en): return "Not found: \(w)."
        case let (.cannotRevert(r), .vi): return "Không hoàn tác được: \(r)."
        case let (.cannotRevert(r), .en): return "Cannot undo: \(r)."
        case let (.constraint(d), .vi): return "Dữ liệu bị từ chối vì vi phạm ràng buộc (tham chiếu tới đơn vị, lĩnh vực không có, hoặc giá trị ngoài phạm vi): \(d)"
        case let (.constraint(d), .en): return "The data was refused by a constraint (a reference to a missing unit or field, or a value out of range): \(d)"
        case let (.importFailed(f, l, m), .vi): return "\(f), dòng \(l): \(m)"
        case let (.importFailed(f, l, m), .en): return "\(f), line \(l): \(m)"
        }
    }
}
