import Foundation
import Testing
import TerminalUI

@Suite struct RendererTests {
    /// Data full of hostile bytes: terminal escapes, BEL, a C1 CSI, HTML.
    static let hostile = "Tên\u{1B}]0;pwned\u{07}\u{9B}2J\u{7F}\tx\n<b>&\"'"

    static func sample() -> Buffer {
        var buffer = Buffer(width: 12, height: 3)
        buffer.write("Đơn vị", x: 0, y: 0, role: .header, maxWidth: 12)
        buffer.write("✓ 90%", x: 0, y: 1, role: .met)
        buffer.write("▲ 40%", x: 6, y: 1, role: .behind)
        buffer.write("<a&b>", x: 0, y: 2, role: .focus)
        return buffer
    }

    @Test func plainTextTrimsTrailingSpaces() {
        var buffer = Self.sample()
        buffer.fill(Rect(x: 0, y: 0, width: 12, height: 1), role: .header)
        buffer.write("Đơn vị", x: 0, y: 0, role: .header)
        #expect(PlainTextRenderer.render(buffer) == "Đơn vị\n✓ 90% ▲ 40%\n<a&b>")
    }

    @Test func roleRendererNamesEveryRole() {
        var buffer = Buffer(width: 10, height: 1)
        for (x, role) in StyleRole.allCases.enumerated() {
            buffer.write("x", x: x, y: 0, role: role)
        }
        #expect(RoleRenderer.render(buffer) == " HFSMABNEm")
        #expect(RoleRenderer.lines(Self.sample()) == [
            "HHHHHH",
            "MMMMM BBBBB",
            "FFFFF",
        ])
    }

    @Test func ansiWrapsRunsInSGRAndResetsAtLineEnd() {
        var buffer = Buffer(width: 4, height: 2)
        buffer.write("a", x: 0, y: 0)
        buffer.write("b", x: 1, y: 0, role: .header)
        buffer.write("cd", x: 0, y: 1)
        #expect(ANSIRenderer.render(buffer, colorsEnabled: true)
            == "a\u{1B}[0;1;37;44mb\u{1B}[0m  \ncd  ")
        #expect(ANSIRenderer.render(buffer, colorsEnabled: false)
            == "a\u{1B}[0;1;4mb\u{1B}[0m  \ncd  ")
    }

    @Test func htmlIsAFullPrintableDocument() {
        let html = HTMLRenderer.render(Self.sample(), title: "Báo cáo <tháng>", header: "In lúc 08:00 & ký")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Báo cáo &lt;tháng&gt;</title>"))
        #expect(html.contains("In lúc 08:00 &amp; ký"))
        #expect(html.contains("@page { size: A4 landscape"))
        #expect(html.contains("\"DejaVu Sans Mono\", \"Noto Sans Mono\", \"Liberation Mono\", Consolas, monospace"))
        #expect(html.components(separatedBy: "<pre>").count == 2)
        #expect(html.contains("<span class=\"role-focus\">&lt;a&amp;b&gt;</span>"))
        #expect(html.contains("<span class=\"role-met\">✓ 90%</span><span class=\"role-normal\"> </span><span class=\"role-behind\">▲ 40%</span>"))
        for role in StyleRole.allCases {
            #expect(html.contains(".\(HTMLRenderer.cssClass(role)) {"))
        }
        #expect(HTMLRenderer.cssClass(.atRisk) == "role-at-risk")
    }

    @Test func controlCharactersNeverReachAnyOutput() {
        var buffer = Buffer(width: 40, height: 2)
        buffer.write(Self.hostile, x: 0, y: 0, role: .error)
        buffer.write(Self.hostile, x: 0, y: 1)
        let plain = PlainTextRenderer.render(buffer)
        #expect(!containsControl(plain))
        #expect(!plain.contains("\u{1B}"))

        let ansi = ANSIRenderer.render(buffer, colorsEnabled: true)
        let ownSGR = ansi.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(ownSGR != ansi)
        #expect(!containsControl(ownSGR))

        let html = HTMLRenderer.render(buffer, title: Self.hostile, header: Self.hostile)
        #expect(!containsControl(html))
        #expect(html.contains("&lt;b&gt;&amp;&quot;&#39;"))
        #expect(!html.contains("<b>"))
    }
}
