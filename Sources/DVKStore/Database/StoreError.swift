import DVKCore

/// Why the store refused: one line an officer can act on, and an exit code.
public enum StoreError: ExplainedError, Equatable, Sendable {
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
    /// An SQLite file of another program: dvk neither reads nor writes it.
    case notADvkDatabase(path: String)
    /// No database at the path, and the command does not create one.
    case noDatabase(path: String)
    /// SQLite found damaged pages while reading.
    case corrupt(path: String)
    /// The path itself is unusable, before any file is opened.
    case badPath(path: String, reason: PathProblem)
    /// A value stored in the file that no rule allows (written by hand or by an older dvk).
    case storedValueInvalid(what: String, value: String)
    /// Another writer still held the lock after the busy timeout and the
    /// retries: nothing was stored, and a form keeps what was typed.
    case busy(path: String)
    /// A copy (`dvk backup`, the `.bak` of a restore) cannot be made at this path.
    case cannotWriteCopy(path: String, reason: CopyProblem)
    /// A file offered to `dvk restore` that is not a sound dvk database;
    /// the live database was not touched.
    case cannotRestore(path: String, reason: RestoreProblem)
    /// The official map shipped with dvk is missing or damaged (a broken install).
    case mapFileMissing
    case badMapFile(line: Int)
    /// `dvk init --province` on a database that already has units: nothing is mixed in.
    case alreadyHasUnits(path: String, count: Int)
    /// A model may follow only a successor of its own (divided) commune.
    case notASuccessor(unit: String, successors: [String])
    /// A write that would change nothing: refused, so the log holds no empty change.
    case unchanged(what: String)
    /// The officer may not do this (role, scope); the message names the rule.
    case refused(AccessRefusal)
    /// A step of nộp/duyệt that cannot be taken, or a write to an approved year.
    case approval(ApprovalRefusal)
    /// A form's record was saved by someone else after the form was opened.
    case changedMeanwhile(what: String, by: String, at: String)
    /// `dvk officer` refused a change (a name taken, the last admin).
    case officer(OfficerProblem)

    public enum PathProblem: Equatable, Sendable {
        case directory, notRegularFile, symlinkLoop, danglingLink, tooLong, notInFolder, noPermission, cannotCreateFolder

        func text(_ lang: Language) -> String {
            switch (self, lang) {
            case (.directory, .vi): return "đây là một thư mục, không phải tệp"
            case (.directory, .en): return "it is a folder, not a file"
            case (.notRegularFile, .vi): return "không phải tệp thường (ống FIFO, thiết bị hoặc socket)"
            case (.notRegularFile, .en): return "not a regular file (a FIFO, a device or a socket)"
            case (.symlinkLoop, .vi): return "liên kết tượng trưng trỏ vòng tròn"
            case (.symlinkLoop, .en): return "symbolic links that loop"
            case (.danglingLink, .vi): return "liên kết tượng trưng trỏ tới tệp không còn"
            case (.danglingLink, .en): return "a symbolic link to a file that is gone"
            case (.tooLong, .vi): return "đường dẫn hoặc tên tệp quá dài"
            case (.tooLong, .en): return "the path or file name is too long"
            case (.notInFolder, .vi): return "một phần của đường dẫn không phải thư mục"
            case (.notInFolder, .en): return "part of the path is not a folder"
            case (.noPermission, .vi): return "không có quyền truy cập thư mục chứa tệp"
            case (.noPermission, .en): return "no permission to reach the folder"
            case (.cannotCreateFolder, .vi): return "không tạo được thư mục chứa tệp"
            case (.cannotCreateFolder, .en): return "the folder for the file cannot be created"
            }
        }
    }

    /// Why a copy cannot be written: a backup never replaces a file.
    public enum CopyProblem: Equatable, Sendable {
        case exists, directory, noFolder, notInFolder, noPermission, tooLong, companion
        case other(String)

        func text(_ lang: Language) -> String {
            switch (self, lang) {
            case (.exists, .vi): return "đã có tệp này; dvk không ghi đè lên tệp có sẵn, hãy chọn tên khác"
            case (.exists, .en): return "the file exists; dvk does not overwrite a file, choose another name"
            case (.directory, .vi): return "đây là một thư mục; hãy ghi cả tên tệp, ví dụ thư-mục/dvk-sao-luu.sqlite"
            case (.directory, .en): return "it is a folder; give a file name too, e.g. folder/dvk-backup.sqlite"
            case (.noFolder, .vi): return "thư mục chứa tệp không tồn tại; hãy tạo thư mục trước"
            case (.noFolder, .en): return "the folder does not exist; create it first"
            case (.notInFolder, .vi): return "một phần của đường dẫn không phải thư mục"
            case (.notInFolder, .en): return "part of the path is not a folder"
            case (.noPermission, .vi): return "không có quyền ghi vào thư mục này"
            case (.noPermission, .en): return "no permission to write in that folder"
            case (.tooLong, .vi): return "đường dẫn hoặc tên tệp quá dài"
            case (.tooLong, .en): return "the path or file name is too long"
            case (.companion, .vi): return "đây là tệp đi kèm (-wal, -shm, -journal) của cơ sở dữ liệu"
            case (.companion, .en): return "it is a companion file (-wal, -shm, -journal) of the database"
            case let (.other(r), _): return r
            }
        }
    }

    /// Why a file cannot be restored; each is found before anything is written.
    public enum RestoreProblem: Equatable, Sendable {
        case missing, notSQLite, notDvk, newerSchema, sameFile
        case damaged(String)
        case path(PathProblem)
        case pageSize(backup: Int, live: Int)

        func text(_ lang: Language) -> String {
            switch (self, lang) {
            case (.missing, .vi): return "không có tệp này"
            case (.missing, .en): return "there is no such file"
            case (.notSQLite, .vi): return "đây không phải tệp SQLite (tệp khác, hoặc đã hỏng phần đầu)"
            case (.notSQLite, .en): return "it is not an SQLite file (another kind of file, or its header is damaged)"
            case (.notDvk, .vi): return "đây là cơ sở dữ liệu SQLite của chương trình khác, không có dấu của dvk"
            case (.notDvk, .en): return "it is another program's SQLite database, without dvk's marker"
            case (.newerSchema, .vi): return "tệp do phiên bản dvk mới hơn tạo ra; hãy cập nhật dvk rồi khôi phục"
            case (.newerSchema, .en): return "it was written by a newer dvk; update dvk, then restore"
            case (.sameFile, .vi): return "đây chính là cơ sở dữ liệu đang dùng"
            case (.sameFile, .en): return "it is the database in use itself"
            case let (.damaged(d), .vi): return "tệp bị hỏng (integrity_check: \(d))"
            case let (.damaged(d), .en): return "the file is damaged (integrity_check: \(d))"
            case let (.path(p), _): return p.text(lang)
            case let (.pageSize(b, l), .vi): return "kích thước trang khác cơ sở dữ liệu đang dùng (\(b) và \(l) byte)"
            case let (.pageSize(b, l), .en): return "its page size differs from the database in use (\(b) and \(l) bytes)"
            }
        }
    }

    /// Exit codes (the table in docs/RELIABILITY.md): 2 usage, 3 database
    /// unusable, 4 locked, 5 bad data, 7 a file to write.
    public var exitCode: Int32 {
        switch self {
        case .notADatabase, .newerSchema, .readOnly, .cannotOpen, .notADvkDatabase, .noDatabase, .corrupt, .badPath, .storedValueInvalid,
             .cannotRestore, .mapFileMissing, .badMapFile: return 3
        case .locked, .busy: return 4
        case .invalid, .notFound, .importFailed, .constraint, .cannotRevert, .alreadyHasUnits, .notASuccessor, .unchanged, .refused, .approval, .changedMeanwhile, .officer: return 5
        case .cannotWriteCopy: return 7
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
            let what = Words(lang).pick("Dữ liệu không hợp lệ", "Invalid data")
            // Each message names its rule; the code's field names mean nothing to an officer.
            return "\(what) (\(rec)): " + issues.map { $0.message(lang) }.joined(separator: "; ")
        case let (.notFound(w), .vi): return "Không tìm thấy \(w)."
        case let (.notFound(w), .en): return "Not found: \(w)."
        case let (.cannotRevert(r), .vi): return "Không hoàn tác được: \(r)."
        case let (.cannotRevert(r), .en): return "Cannot undo: \(r)."
        case let (.constraint(d), .vi): return "Dữ liệu bị từ chối vì vi phạm ràng buộc (tham chiếu tới đơn vị, lĩnh vực không có, hoặc giá trị ngoài phạm vi): \(d)"
        case let (.constraint(d), .en): return "The data was refused by a constraint (a reference to a missing unit or field, or a value out of range): \(d)"
        case let (.notADvkDatabase(p), .vi): return "Tệp “\(p)” là cơ sở dữ liệu SQLite của chương trình khác (không có dấu của dvk): dvk không đọc, không ghi vào nó."
        case let (.notADvkDatabase(p), .en): return "“\(p)” is another program's SQLite database (no dvk marker): dvk neither reads nor writes it."
        case let (.noDatabase(p), .vi): return "Chưa có cơ sở dữ liệu “\(p)”: tạo mới bằng dvk init, nạp tệp CSV bằng dvk import DIR, hoặc xem dữ liệu mẫu bằng dvk demo."
        case let (.noDatabase(p), .en): return "No database at “\(p)”: create one with dvk init, load CSV files with dvk import DIR, or see the demo with dvk demo."
        case let (.corrupt(p), .vi): return "Cơ sở dữ liệu “\(p)” bị hỏng (SQLite báo trang dữ liệu sai): chạy dvk check --db \(p) để xem chi tiết, rồi khôi phục từ bản sao lưu."
        case let (.corrupt(p), .en): return "Database “\(p)” is damaged (SQLite found bad pages): run dvk check --db \(p) for details, then restore from a backup."
        case let (.badPath(p, r), .vi): return "Không dùng được “\(p)”: \(r.text(.vi))."
        case let (.badPath(p, r), .en): return "Cannot use “\(p)”: \(r.text(.en))."
        case let (.storedValueInvalid(w, v), .vi): return "Dữ liệu đã lưu không hợp lệ (\(w) = “\(v)”): sửa lại giá trị này; chạy dvk check để xem mọi lỗi."
        case let (.storedValueInvalid(w, v), .en): return "A stored value is invalid (\(w) = “\(v)”): correct it; run dvk check to list every problem."
        case (.busy, .vi): return "Cơ sở dữ liệu đang bận: một người khác đang ghi. Chưa lưu; những gì bạn nhập vẫn còn, hãy thử lại."
        case (.busy, .en): return "The database is busy: someone else is writing. Not saved; what you typed is still there, try again."
        case let (.cannotWriteCopy(p, r), .vi): return "Không ghi được bản sao vào “\(p)”: \(r.text(.vi))."
        case let (.cannotWriteCopy(p, r), .en): return "Cannot write a copy to “\(p)”: \(r.text(.en))."
        case let (.cannotRestore(p, r), .vi): return "Không khôi phục từ “\(p)”: \(r.text(.vi)). Cơ sở dữ liệu đang dùng không bị thay đổi."
        case let (.cannotRestore(p, r), .en): return "Not restored from “\(p)”: \(r.text(.en)). The database in use was not changed."
        case (.mapFileMissing, .vi): return "Không tìm thấy danh mục đơn vị hành chính đi kèm dvk (vietnam-units.tsv): cài lại dvk (swift build) rồi thử lại."
        case (.mapFileMissing, .en): return "The official list of units shipped with dvk (vietnam-units.tsv) is missing: reinstall dvk (swift build) and try again."
        case let (.badMapFile(l), .vi): return "Danh mục đơn vị hành chính đi kèm dvk bị hỏng ở dòng \(l): cài lại dvk rồi thử lại."
        case let (.badMapFile(l), .en): return "The official list of units shipped with dvk is damaged at line \(l): reinstall dvk and try again."
        case let (.alreadyHasUnits(p, n), .vi): return "Cơ sở dữ liệu “\(p)” đã có \(n) đơn vị: không nạp danh mục chồng lên. Chọn tệp mới bằng --db TỆP."
        case let (.alreadyHasUnits(p, n), .en): return "Database “\(p)” already has \(n) units: the official list is not loaded over them. Choose a new file with --db FILE."
        case let (.unchanged(w), .vi): return "\(w): không có gì thay đổi, không ghi."
        case let (.unchanged(w), .en): return "\(w): nothing to change, nothing written."
        case let (.notASuccessor(u, list), .vi):
            return list.count > 1 ? "Mô hình của “\(u)” chỉ chuyển được sang một đơn vị kế tục khác của nó: \(list.dropFirst().joined(separator: ", "))."
                : "“\(u)” không bị chia cho nhiều đơn vị: mô hình của nó theo \(list.first ?? "đơn vị kế tục"), không chuyển sang đơn vị khác."
        case let (.notASuccessor(u, list), .en):
            return list.count > 1 ? "A model of “\(u)” can follow only another of its successors: \(list.dropFirst().joined(separator: ", "))."
                : "“\(u)” was not divided: its models follow \(list.first ?? "its successor") and cannot be reassigned."
        case let (.refused(r), _): return r.message(lang)
        case let (.approval(r), _): return r.message(lang)
        case let (.officer(p), _): return p.message(lang)
        case let (.changedMeanwhile(w, by, at), .vi):
            return "\(w) vừa được “\(by)” sửa lúc \(at), sau khi bạn mở biểu mẫu: chưa ghi đè. Những gì bạn nhập vẫn còn; nhấn F2 lần nữa để ghi đè, hoặc Esc để xem số liệu mới."
        case let (.changedMeanwhile(w, by, at), .en):
            return "\(w) was changed by “\(by)” at \(at), after you opened the form: not overwritten. What you typed is still here; press F2 again to overwrite, or Esc to see the new figures."
        case let (.importFailed(f, 0, m), _): return "\(f): \(m)"
        case let (.importFailed(f, l, m), .vi): return "\(f), dòng \(l): \(m)"
        case let (.importFailed(f, l, m), .en): return "\(f), line \(l): \(m)"
        }
    }
}
