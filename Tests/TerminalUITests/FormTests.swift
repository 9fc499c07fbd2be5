import Testing
import TerminalUI

/// Form: label column, value boxes, focus marker, notes, scrolling, cursor.
@Suite struct FormTests {
    static func fields(focus: Int, error: String? = nil) -> [FormField] {
        var fields = [
            FormField(label: "Mã đơn vị", value: "XA-01"),
            FormField(label: nfd("Tên đơn vị"), input: TextInput(nfd("Suối Giàng")), isRequired: true),
            FormField(label: "Loại", value: "Xã", kind: .choice),
            FormField(label: "Hoạt động", value: "Có", kind: .toggle(isOn: true)),
            FormField(label: "Ghi chú", hint: "Tối đa 200 ký tự"),
        ]
        fields[focus].isFocused = true
        fields[1].error = error
        return fields
    }

    @Test func drawsLabelsBoxesFocusMarkerAndRequiredMark() {
        var buffer = Buffer(width: 36, height: 7)
        let form = Form(fields: Self.fields(focus: 1))
        form.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "  Mã đơn vị    [ XA-01             ]",
            "▶ Tên đơn vị * [ Suối Giàng        ]",
            "  Loại         [ Xã              ▾ ]",
            "  Hoạt động    [ ☑ Có              ]",
            "  Ghi chú      [                   ]",
            "               Tối đa 200 ký tự",
            "",
        ])
        #expect(roles(buffer)[1] == "F              FFFFFFFFFFFFFFFFFFFFF")
        #expect(roles(buffer)[0] == "")
        #expect(roles(buffer)[5] == "               mmmmmmmmmmmmmmmm")
        #expect(form.cursorPosition(in: buffer.area) == Point(x: 27, y: 1))
    }

    @Test func errorGoesUnderItsFieldWrapped() {
        var buffer = Buffer(width: 36, height: 8)
        let form = Form(fields: Self.fields(focus: 2, error: "Tên này đã có trong danh sách đơn vị"))
        form.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "  Mã đơn vị    [ XA-01             ]",
            "  Tên đơn vị * [ Suối Giàng        ]",
            "               ⚠ Tên này đã có trong",
            "                 danh sách đơn vị",
            "▶ Loại         [ Xã              ▾ ]",
            "  Hoạt động    [ ☑ Có              ]",
            "  Ghi chú      [                   ]",
            "               Tối đa 200 ký tự",
        ])
        #expect(roles(buffer)[2] == "               EEEEEEEEEEEEEEEEEEEEE")
        #expect(roles(buffer)[4] == "F              FFFFFFFFFFFFFFFFFFFFF")
        // The focus is on a choice: no text cursor.
        #expect(form.cursorPosition(in: buffer.area) == nil)
    }

    @Test func scrollsWholeFieldsToShowTheFocusedOne() {
        var buffer = Buffer(width: 36, height: 3)
        var form = Form(fields: Self.fields(focus: 4))
        form.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "  Hoạt động    [ ☑ Có              ]",
            "▶ Ghi chú      [                   ]",
            "               Tối đa 200 ký tự",
        ])
        #expect(form.cursorPosition(in: buffer.area) == Point(x: 17, y: 1))
        // Kept as the offset, the view stays put while focus moves up inside it.
        form.offset = form.firstVisibleField(in: buffer.area)
        #expect(form.offset == 3)
        form.fields = Self.fields(focus: 3)
        #expect(form.firstVisibleField(in: buffer.area) == 3)
        form.fields = Self.fields(focus: 1, error: "Sai")
        form.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "▶ Tên đơn vị * [ Suối Giàng        ]",
            "               ⚠ Sai",
            "  Loại         [ Xã              ▾ ]",
        ])
        #expect(form.cursorPosition(in: Rect(x: 2, y: 5, width: 36, height: 3)) == Point(x: 29, y: 5))
    }

    @Test func focusedTextScrollsAndPlacesTheCursor() {
        var buffer = Buffer(width: 20, height: 1)
        let input = TextInput("Nguyễn Thị Ánh Hồng", cursor: 14)
        let form = Form(fields: [FormField(label: "Tên", input: input, isFocused: true)], maxBoxWidth: 14)
        form.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == ["▶ Tên [ n Thị Ánh  ]"])
        #expect(form.cursorPosition(in: buffer.area) == Point(x: 17, y: 0))
        // Unfocused, the start shows, cut with "…".
        var plain = form
        plain.fields[0].isFocused = false
        plain.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == ["  Tên [ Nguyễn Th… ]"])
        #expect(plain.cursorPosition(in: buffer.area) == nil)
    }

    @Test func longLabelsAreCutButKeepTheRequiredMark() {
        var buffer = Buffer(width: 30, height: 2)
        let form = Form(fields: [
            FormField(label: "Số hộ nghèo đầu kỳ báo cáo", value: "12", isRequired: true),
            FormField(label: "Toggle", value: "Không", kind: .toggle(isOn: false), isFocused: true),
        ], maxLabelWidth: 12)
        form.render(into: &buffer, area: buffer.area)
        #expect(lines(buffer) == [
            "  Số hộ ngh… * [ 12          ]",
            "▶ Toggle       [ ☐ Không     ]",
        ])
    }
}
