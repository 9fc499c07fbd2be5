import DVKCore

/// A `DataTable` as every writer lays it out: the demo-mark column added
/// when any row is demo, every row as wide as the header, and text made safe
/// (NFC, no control characters) before it reaches a file.
struct ExportTable {
    var columns: [TableColumn]
    var rows: [[TableValue]]
    var isDemo: [Bool]

    init(_ table: DataTable, lang: Language) {
        var columns = table.columns.map { column -> TableColumn in
            var c = column
            c.title = Clean.text(c.title)
            return c
        }
        // A row longer than the header keeps its extra cells under untitled columns:
        // nothing the caller handed over is dropped.
        let widest = table.rows.map(\.cells.count).max() ?? 0
        while columns.count < widest { columns.append(TableColumn("", width: 10)) }
        let dataCount = columns.count
        if table.hasDemoRows {
            let mark = DataTable.demoMark(lang)
            columns.append(TableColumn(Words(lang).pick("Ghi chú", "Note"), width: mark.count))
        }
        self.columns = columns
        self.isDemo = table.rows.map(\.isDemo)
        self.rows = table.rows.map { row in
            var cells = row.cells.map { cell -> TableValue in
                if case let .text(s) = cell { return .text(Clean.text(s)) }
                return cell
            }
            cells += Array(repeating: .empty, count: dataCount - cells.count)
            // An ordinary row's mark is "", blank everywhere (`.empty` would print "–").
            if table.hasDemoRows { cells.append(.text(row.isDemo ? DataTable.demoMark(lang) : "")) }
            return cells
        }
    }

    /// Whether column `i` holds percentages (CSV says so in its title).
    func isPercent(_ i: Int) -> Bool {
        rows.contains { if case .percent = $0[i] { return true } else { return false } }
    }
}

enum Clean {
    /// NFC, control characters replaced, tabs and line breaks as spaces.
    static func text(_ s: String) -> String {
        VietnameseText.normalized(VietnameseText.sanitized(s))
    }
}
