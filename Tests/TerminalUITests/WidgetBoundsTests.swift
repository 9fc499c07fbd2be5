import Testing
import TerminalUI

/// Every widget, at every size from nothing up, leaves the cells outside
/// its area alone: the promise that lets screens be composed of widgets.
@Suite struct WidgetBoundsTests {
    typealias Draw = @Sendable (inout Buffer, Rect) -> Void

    static let long = nfd("Nguyễn Thị Ánh 中文字符 rất dài, dài hơn mọi ô")

    static let widgets: [(String, Draw)] = [
        ("panel", { Panel(title: long, isFocused: true).render(into: &$0, area: $1) }),
        ("table", {
            Table(columns: [TableColumn(long, width: .fill(1)), TableColumn("Số", width: 5, alignment: .right)],
                  source: [[TableCell(long), "12"], ["中文", TableCell(long, role: .met)]], selected: 1,
                  sort: TableSort(column: 0, direction: .ascending)).render(into: &$0, area: $1)
        }),
        ("gauge", { Gauge(value: 0.7, threshold: 0.9, label: "70,0%", role: .atRisk).render(into: &$0, area: $1) }),
        ("gauge above", { Gauge(value: 1.3, threshold: 0.9, label: "中文", role: .met).render(into: &$0, area: $1) }),
        ("bars", { BarChart(bars: [.init(label: long, value: 3), .init(label: "中", value: 9)]).render(into: &$0, area: $1) }),
        ("sparkline", { Sparkline(values: [1, nil, 3, 9, 0, 4, 4, 8, 2, nil, 5]).render(into: &$0, area: $1) }),
        ("breadcrumb", { Breadcrumb(["中文", long, "Cuối"]).render(into: &$0, area: $1) }),
        ("status", { StatusLine(left: long, right: "中文 1/9").render(into: &$0, area: $1) }),
        ("keybar", { KeyBar(toyKeys.keyBarHints).render(into: &$0, area: $1) }),
        ("keybar overflow", { KeyBar(toyKeys.keyBarHints, overflowLabel: "? thêm").render(into: &$0, area: $1) }),
        ("text", { b, area in
            for y in area.y..<area.maxY { b.write(long, x: area.x, y: y, maxWidth: area.width) }
        }),
        ("help", { HelpOverlay(title: long, keyMap: toyKeys, footer: long).render(into: &$0, area: $1) }),
        ("modal", { Modal.confirm(title: long, text: long, accept: "Có", cancel: "中文").render(into: &$0, area: $1) }),
        ("form", {
            Form(fields: [
                FormField(label: long, input: TextInput(long, cursor: 9), isFocused: true, isRequired: true, error: long),
                FormField(label: "中文", value: long, kind: .choice, hint: long),
                FormField(label: "Bật", value: long, kind: .toggle(isOn: true)),
            ]).render(into: &$0, area: $1)
        }),
        ("picklist", {
            PickList(items: [long, "中文", "Cuối"], fold: { $0.lowercased() }, filter: TextInput("中"))
                .render(into: &$0, area: $1, title: long, filterLabel: "Lọc: ", placeholder: long)
        }),
    ]

    @Test(arguments: 0..<widgets.count)
    func neverDrawsOutsideItsArea(index: Int) {
        let (name, draw) = Self.widgets[index]
        var background = Buffer(width: 24, height: 12)
        for y in 0..<12 { background.write(String(repeating: "x", count: 24), x: 0, y: y) }
        for width in 0...20 {
            for height in [0, 1, 2, 3, 5, 9] {
                let area = Rect(x: 2, y: 1, width: width, height: height)
                var buffer = background
                draw(&buffer, area)
                for y in 0..<buffer.height {
                    for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                        #expect(buffer[x, y] == background[x, y], "\(name) \(width)×\(height) at (\(x), \(y))")
                    }
                }
            }
        }
    }
}
