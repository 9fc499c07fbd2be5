import Foundation

/// Numbers the Vietnamese way: 2.600 (dot groups thousands), 92,5 (comma
/// decimal), 2,9 tỷ. English uses 2,600 and 92.5.
public enum VietnameseNumber {
    public static func integer(_ n: Int, _ lang: Language = .vi) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(lang == .vi ? "." : ",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// One decimal at most; a whole number prints without one.
    public static func decimal(_ v: Double, places: Int = 1, _ lang: Language = .vi) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // Beyond Int's range (a damaged stored figure) the digits are said in
        // scientific form rather than trapping.
        guard (v * scale).isFinite, abs(v * scale) < 9e18 else { return v.isFinite ? "\(v)" : "?" }
        let scaled = Int((v * scale).rounded())
        let whole = scaled / Int(scale)
        let frac = abs(scaled % Int(scale))
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        if frac == 0 { return sign + integer(whole, lang) }
        var f = String(frac)
        while f.count < places { f = "0" + f }
        while f.hasSuffix("0") { f.removeLast() }
        return sign + integer(whole, lang) + (lang == .vi ? "," : ".") + f
    }

    /// Always `places` decimals (92,0), so figures in a column line up.
    public static func fixed(_ v: Double, places: Int = 1, _ lang: Language = .vi) -> String {
        var text = decimal(v, places: places, lang)
        let sep: Character = lang == .vi ? "," : "."
        if !text.contains(sep) { text += String(sep) }
        let have = text.split(separator: sep, omittingEmptySubsequences: false).last?.count ?? 0
        return text + String(repeating: "0", count: max(0, places - have))
    }

    public static func percent(_ v: Double, _ lang: Language = .vi) -> String { decimal(v, lang) + "%" }

    /// Money: 2,9 tỷ; 350 triệu; 12.000 đồng.
    public static func money(_ vnd: Int64, _ lang: Language = .vi) -> String {
        let v = Double(vnd)
        if abs(v) >= 1e9 { return decimal(v / 1e9, places: 1, lang) + (lang == .vi ? " tỷ" : " billion VND") }
        if abs(v) >= 1e6 { return decimal(v / 1e6, places: 1, lang) + (lang == .vi ? " triệu" : " million VND") }
        return integer(Int(vnd), lang) + (lang == .vi ? " đồng" : " VND")
    }

    /// Reads what an officer types: `92,5` and `92.5`; `2.600` or `2,600` as
    /// 2600 when `isCount` (a count has no fraction); `2,9 tỷ`, `350 triệu`.
    public static func parse(_ text: String, isCount: Bool = false) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased()
        var multiplier = 1.0
        for (word, m) in [("tỷ", 1e9), ("ty", 1e9), ("triệu", 1e6), ("trieu", 1e6), ("nghìn", 1e3), ("ngàn", 1e3), ("đồng", 1), ("đ", 1)] where t.hasSuffix(word) {
            multiplier = m
            t = String(t.dropLast(word.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") }) else { return nil }
        let seps = t.filter { $0 == "." || $0 == "," }
        if isCount {
            // Separators in a count can only group thousands: groups of three digits.
            let groups = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), !(groups.first?.isEmpty ?? true) else { return nil }
            return Double(groups.joined()).map { $0 * multiplier }
        }
        if seps.count == 1 {
            return Double(t.replacingOccurrences(of: ",", with: ".")).map { $0 * multiplier }
        }
        if seps.count > 1 {
            // 1.234,5 (Vietnamese) or 1,234.5 (English): the last separator is the decimal one.
            let decimalSep = seps.last!
            let groupSep: Character = decimalSep == "," ? "." : ","
            guard seps.dropLast().allSatisfy({ $0 == groupSep }) else { return nil }
            let cleaned = t.replacingOccurrences(of: String(groupSep), with: "").replacingOccurrences(of: String(decimalSep), with: ".")
            return Double(cleaned).map { $0 * multiplier }
        }
        return Double(t).map { $0 * multiplier }
    }
}
