import ArgumentParser
import DVKApp
import DVKCore
import DVKStore
import Foundation

/// `dvk officer add|list|set|remove`: who may use the store and how (admins only).
struct OfficerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer",
        abstract: help("Quản lý cán bộ: tên, tài khoản, vai trò, phạm vi (chỉ quản trị viên).",
                       "Manage officers: name, account, role, scope (admins only)."),
        subcommands: [List.self, Add.self, Set.self, Remove.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand, UsesStore {
        static let configuration = CommandConfiguration(commandName: "list", abstract: help("Liệt kê cán bộ.", "List the officers."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let lang = global.language
            let w = Words(lang)
            try reporting(lang) {
                let db = try global.openForReading()
                let officers = try db.officers()
                Output.out(w.pick("Cán bộ của \(db.path) (bạn: \(db.officer), tài khoản \(db.actor.account)):",
                                  "Officers of \(db.path) (you: \(db.officer), account \(db.actor.account)):"))
                for o in officers {
                    let scope = try o.scope.flatMap { try db.unit(id: $0)?.name } ?? w.pick("toàn bộ dữ liệu", "the whole store")
                    Output.out("  \(o.name) — \(w.pick("tài khoản", "account")) \(o.account), \(o.role.title(lang)), \(w.pick("phạm vi", "scope")): \(scope)")
                }
            }
        }
    }

    struct Add: ParsableCommand, UsesStore {
        static let configuration = CommandConfiguration(commandName: "add", abstract: help("Thêm một cán bộ.", "Add an officer."))
        @Argument(help: ArgumentHelp(help("Họ tên cán bộ.", "The officer's name."), valueName: "NAME")) var name: String
        @Option(name: .long, help: ArgumentHelp(help("Tài khoản hệ điều hành (đăng nhập SSH).", "OS account (the SSH login)."), valueName: "ACCOUNT"))
        var account: String
        @Option(name: .long, help: ArgumentHelp(help("viewer, editor, approver hoặc admin.", "viewer, editor, approver or admin."), valueName: "ROLE"))
        var role: String
        @Option(name: .long, help: ArgumentHelp(help("Đơn vị được nhập liệu, cùng các đơn vị trực thuộc (mặc định: toàn bộ).",
                                                      "The unit they may edit, with the units under it (default: all)."), valueName: "UNIT"))
        var unit: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let lang = global.language
            try reporting(lang) {
                let db = try global.open()
                let o = Officer(name: VietnameseText.normalized(name.trimmingCharacters(in: .whitespaces)), account: account,
                                role: try OfficerCommand.role(role, lang), scope: try unit.map { try UnitLookup.resolve(db: db, text: $0, year: nil) })
                try db.addOfficer(o)
                Output.out(Words(lang).pick("Đã thêm cán bộ “\(o.name)” (\(o.role.title(lang))).", "Added officer “\(o.name)” (\(o.role.title(lang)))."))
            }
        }
    }

    struct Set: ParsableCommand, UsesStore {
        static let configuration = CommandConfiguration(commandName: "set", abstract: help("Đổi vai trò hoặc phạm vi của cán bộ.", "Change an officer's role or scope."))
        @Argument(help: ArgumentHelp(help("Họ tên cán bộ.", "The officer's name."), valueName: "NAME")) var name: String
        @Option(name: .long, help: ArgumentHelp(help("Vai trò mới.", "The new role."), valueName: "ROLE")) var role: String?
        @Option(name: .long, help: ArgumentHelp(help("Phạm vi mới: một đơn vị.", "The new scope: a unit."), valueName: "UNIT")) var unit: String?
        @Flag(name: .long, help: ArgumentHelp(help("Phạm vi mới: toàn bộ dữ liệu.", "The new scope: the whole store."))) var whole = false
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if unit != nil && whole { throw ValidationError(help("--unit và --whole không dùng cùng nhau.", "--unit and --whole exclude each other.")) }
        }

        func run() throws {
            let lang = global.language
            try reporting(lang) {
                let db = try global.open()
                guard var o = try db.officers().first(where: { $0.name == VietnameseText.normalized(name) }) else {
                    throw StoreError.refused(.unknownOfficer(name: name))
                }
                if let role { o.role = try OfficerCommand.role(role, lang) }
                if let unit { o.scope = try UnitLookup.resolve(db: db, text: unit, year: nil) }
                if whole { o.scope = nil }
                try db.updateOfficer(o)
                Output.out(Words(lang).pick("Đã sửa cán bộ “\(o.name)” (\(o.role.title(lang))).", "Changed officer “\(o.name)” (\(o.role.title(lang)))."))
            }
        }
    }

    struct Remove: ParsableCommand, UsesStore {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: help("Xóa một cán bộ (nhật ký vẫn giữ tên).", "Remove an officer (the log keeps the name)."))
        @Argument(help: ArgumentHelp(help("Họ tên cán bộ.", "The officer's name."), valueName: "NAME")) var name: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let lang = global.language
            try reporting(lang) {
                try global.open().removeOfficer(named: VietnameseText.normalized(name))
                Output.out(Words(lang).pick("Đã xóa cán bộ “\(name)”.", "Removed officer “\(name)”."))
            }
        }
    }

    static func role(_ text: String, _ lang: Language) throws -> OfficerRole {
        guard let r = OfficerRole(rawValue: text.lowercased()) else {
            throw UserError.badOption("--role", Words(lang).pick("một trong viewer, editor, approver, admin", "one of viewer, editor, approver, admin"))
        }
        return r
    }
}

/// `dvk approval submit|approve|unlock|list`: nộp, duyệt, mở khóa one unit's year.
struct ApprovalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approval",
        abstract: help("Nộp, duyệt, mở khóa số liệu năm của một đơn vị.", "Submit, approve or unlock a unit's figures for a year."),
        subcommands: [List.self, Submit.self, Approve.self, Unlock.self], defaultSubcommand: List.self
    )

    struct List: ParsableCommand, UsesStore {
        static let configuration = CommandConfiguration(commandName: "list", abstract: help("Tình trạng nộp, duyệt của năm.", "Where each unit's year stands."))
        @Option(name: .long, help: ArgumentHelp(help("Năm (mặc định: năm của dữ liệu).", "Year (default: the data's year)."), valueName: "YEAR")) var year: Int?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let lang = global.language
            try reporting(lang) {
                let db = try global.openForReading()
                let y = try year ?? db.dataAsOf()?.year ?? SessionStart.currentDay().year
                let rows = try db.approvals(year: y).values.sorted { $0.unitID < $1.unitID }
                Output.out(Words(lang).pick("Nộp, duyệt năm \(y): \(rows.count) đơn vị", "Submissions for \(y): \(rows.count) units"))
                for a in rows {
                    let name = try db.unit(id: a.unitID)?.name ?? "#\(a.unitID)"
                    let who = [a.submittedBy.map { Words(lang).pick("nộp: \($0)", "submitted by \($0)") },
                               a.decidedBy.map { Words(lang).pick("duyệt/mở: \($0)", "decided by \($0)") },
                               a.reason.map { Words(lang).pick("lý do: \($0)", "reason: \($0)") }].compactMap { $0 }.joined(separator: "; ")
                    Output.out("  \(a.state.label(lang))  \(name)" + (who.isEmpty ? "" : " (\(who))"))
                }
            }
        }
    }

    struct Submit: ParsableCommand, UsesStore {
        static let configuration = CommandConfiguration(commandName: "submit", abstract: help("Nộp số liệu năm của đơn vị.", "Submit a unit's figures for a year."))
        @OptionGroup var target: ApprovalTarget
        @OptionGroup var global: GlobalOptions
        func run() throws { try target.take(.submit, reason: "", global) }
    }

    struct Approve: ParsableCommand, UsesStore {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: help("Duyệt (và khóa) số liệu đã nộp.", "Approve (and lock) submitted figures."))
        @OptionGroup var target: ApprovalTarget
        @OptionGroup var global: GlobalOptions
        func run() throws { try target.take(.approve, reason: "", global) }
    }

    struct Unlock: ParsableCommand, UsesStore {
        static let configuration = CommandConfiguration(commandName: "unlock", abstract: help("Mở khóa số liệu đã duyệt, kèm lý do.", "Unlock approved figures, with a reason."))
        @OptionGroup var target: ApprovalTarget
        @Option(name: .long, help: ArgumentHelp(help("Lý do mở khóa (ghi vào nhật ký).", "Why it is unlocked (kept in the log)."), valueName: "TEXT"))
        var reason: String
        @OptionGroup var global: GlobalOptions
        func run() throws { try target.take(.unlock, reason: reason, global) }
    }
}

/// The unit and year a step of `dvk approval` is about.
struct ApprovalTarget: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(help("Đơn vị (tên, mã hoặc mã nhập).", "The unit (name, code or ref)."), valueName: "UNIT")) var unit: String
    @Option(name: .long, help: ArgumentHelp(help("Năm.", "The year."), valueName: "YEAR")) var year: Int

    func take(_ step: ApprovalStep, reason: String, _ global: GlobalOptions) throws {
        let lang = global.language
        try reporting(lang) {
            let db = try global.open()
            let id = try UnitLookup.resolve(db: db, text: unit, year: year)
            try ApprovalSteps.take(step, unit: id, year: year, reason: reason, db: db, lang: lang)
            let state = try db.approval(unit: id, year: year)?.state
            let name = try db.unit(id: id)?.name ?? unit
            Output.out(Words(lang).pick("\(name), năm \(year): \(ApprovalState.label(state, lang)).", "\(name), \(year): \(ApprovalState.label(state, lang))."))
        }
    }
}
