/// What is wrong with a value, said so that an officer can fix it.
public enum ValidationProblem: Hashable, Sendable {
    case required
    /// A list field left with nothing chosen.
    case notChosen
    case tooLong(max: Int)
    case notADate(String)
    case notANumber(String)
    case notBefore(otherFieldVI: String, otherFieldEN: String)
    case percentOutOfRange(Double)
    case yearOutOfRange(Int, min: Int, max: Int)
    case negative
    case removalNeedsReason
    case unknownChoice(String, allowed: [String])
    case notLaunched
    case totalsDoNotAddUp(total: Int, sum: Int, parts: [Int])
    /// A number outside what the field can hold: says the allowed range.
    case outOfRange(String, min: Int64, max: Int64)
    /// The unit would be its own parent, directly or further up.
    case parentCycle
    /// Mergers that go round (A into B, B into A): their models would count nowhere.
    case mergerCycle
    /// Merging a unit into one of its own subunits.
    case mergeIntoOwnSubunit
    /// A unit of this kind may not sit under one of that kind (a commune under a hospital).
    case parentKindNotAllowed(child: UnitKind, parent: UnitKind, parentName: String, allowed: [UnitKind])
    /// The other unit lies in another province, and the officer did not ask to cross.
    case otherProvince(name: String, province: String)
    /// A merger joins units of one level only (a commune into a commune).
    case mergeLevelMismatch(kind: UnitKind, targetKind: UnitKind)
    /// A verdict for `year` on a model launched after it (or with no launch date).
    case notLaunchedBy(year: Int, launched: Day?)
    /// A launch date after the year a grid is typed for.
    case launchedAfterGridYear(Day, year: Int)
    /// The unit is not in force on the day that matters.
    case unitNotInForce(name: String, from: Day?, to: Day?)
}

/// A problem attached to the field it concerns (field names are the form's keys).
public struct ValidationIssue: Hashable, Sendable {
    public var field: String
    public var problem: ValidationProblem

    public init(field: String, problem: ValidationProblem) {
        self.field = field
        self.problem = problem
    }

    public func message(_ lang: Language) -> String {
        switch (problem, lang) {
        case (.required, .vi): return "Chưa nhập: trường này là bắt buộc."
        case (.required, .en): return "Missing: this field is required."
        case (.notChosen, .vi): return "Chưa chọn: trường này là bắt buộc (Enter mở danh sách)."
        case (.notChosen, .en): return "Not chosen: this field is required (Enter opens the list)."
        case let (.tooLong(max), .vi): return "Quá dài: tối đa \(max) ký tự."
        case let (.tooLong(max), .en): return "Too long: at most \(max) characters."
        case let (.notADate(t), .vi): return "“\(t)” không phải ngày hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 16/03/2023."
        case let (.notADate(t), .en): return "“\(t)” is not a valid date: use dd/mm/yyyy, e.g. 16/03/2023."
        case let (.notANumber(t), .vi): return "“\(t)” không phải số: ví dụ 92,5 hoặc 2.600."
        case let (.notANumber(t), .en): return "“\(t)” is not a number: e.g. 92.5 or 2,600."
        case let (.notBefore(vi, _), .vi): return "Ngày này không được trước \(vi)."
        case let (.notBefore(_, en), .en): return "This date cannot be before the \(en)."
        case let (.percentOutOfRange(v), .vi): return "Tỷ lệ \(VietnameseNumber.decimal(v)) nằm ngoài khoảng 0–100%."
        case let (.percentOutOfRange(v), .en): return "Percentage \(v) is outside 0–100%."
        case let (.yearOutOfRange(y, lo, hi), .vi): return "Năm \(y) không hợp lệ: phải từ \(lo) đến \(hi)."
        case let (.yearOutOfRange(y, lo, hi), .en): return "Year \(y) is not valid: it must be from \(lo) to \(hi)."
        case (.negative, .vi): return "Không được là số âm."
        case (.negative, .en): return "Must not be negative."
        case (.removalNeedsReason, .vi): return "Loại bỏ mô hình phải ghi rõ lý do."
        case (.removalNeedsReason, .en): return "Removing a model needs a reason."
        case let (.unknownChoice(t, allowed), .vi): return "“\(t)” không có trong danh sách: chọn một trong \(allowed.joined(separator: ", "))."
        case let (.unknownChoice(t, allowed), .en): return "“\(t)” is not in the list: choose one of \(allowed.joined(separator: ", "))."
        case (.notLaunched, .vi): return "Mô hình chưa ra mắt nên chưa thể công nhận."
        case (.notLaunched, .en): return "The model has not been launched, so it cannot be recognised."
        case let (.totalsDoNotAddUp(total, sum, parts), .vi):
            return "Số liệu không khớp: tổng báo cáo \(VietnameseNumber.integer(total)), cộng các lĩnh vực "
                + parts.map { VietnameseNumber.integer($0) }.joined(separator: " + ") + " = \(VietnameseNumber.integer(sum))."
        case let (.outOfRange(t, lo, hi), .vi):
            return "“\(t)” nằm ngoài phạm vi cho phép: từ \(VietnameseNumber.integer(Int(lo))) đến \(VietnameseNumber.integer(Int(hi)))."
        case let (.outOfRange(t, lo, hi), .en):
            return "“\(t)” is out of range: from \(VietnameseNumber.integer(Int(lo), .en)) to \(VietnameseNumber.integer(Int(hi), .en))."
        case (.parentCycle, .vi): return "Vòng lặp cấp trên: đơn vị không thể là cấp trên của chính nó."
        case (.parentCycle, .en): return "Parent loop: a unit cannot be its own parent."
        case (.mergerCycle, .vi): return "Vòng lặp sáp nhập: hai đơn vị không thể sáp nhập vào nhau."
        case (.mergerCycle, .en): return "Merger loop: two units cannot merge into each other."
        case (.mergeIntoOwnSubunit, .vi): return "Không thể sáp nhập một đơn vị vào đơn vị trực thuộc của chính nó."
        case (.mergeIntoOwnSubunit, .en): return "A unit cannot merge into one of its own subunits."
        case let (.parentKindNotAllowed(child, parent, name, allowed), _):
            let w = Words(lang)
            return w.pick("Không thể đặt \(w.kindName(child)) dưới “\(name)” (\(w.kindName(parent))): cấp trên của \(w.kindName(child)) phải là ",
                          "A \(w.kindName(child)) cannot sit under “\(name)” (\(w.kindName(parent))): its parent must be ")
                + allowed.map(w.kindName).joined(separator: w.pick(" hoặc ", " or ")) + "."
        case let (.otherProvince(name, province), _):
            return Words(lang).pick("“\(name)” thuộc \(province), tỉnh khác: bật “Cho phép tỉnh khác” nếu đúng là chuyển sang tỉnh đó.",
                                    "“\(name)” is in \(province), another province: turn on “Allow another province” if that is meant.")
        case let (.mergeLevelMismatch(kind, target), _):
            let w = Words(lang)
            return w.pick("Chỉ sáp nhập vào đơn vị cùng cấp: \(w.kindName(kind)) vào \(w.kindName(kind)), không vào \(w.kindName(target)).",
                          "A merger joins units of one level: \(w.kindName(kind)) into \(w.kindName(kind)), not into a \(w.kindName(target)).")
        case let (.notLaunchedBy(year, launched), _):
            let w = Words(lang)
            let when = launched.map { w.pick("ra mắt ngày \($0.description), sau năm \(year)", "launched on \($0.description), after \(year)") }
                ?? w.pick("chưa có ngày ra mắt", "has no launch date")
            return w.pick("Mô hình \(when) nên chưa đánh giá được cho năm \(year): nhập ngày ra mắt trong hoặc trước năm \(year), hoặc để trống cột Hiệu quả.",
                          "The model \(when), so it cannot be evaluated for \(year): enter a launch date in or before \(year), or leave Effective blank.")
        case let (.launchedAfterGridYear(day, year), _):
            return Words(lang).pick("Ngày \(day.description) sau năm \(year): bảng này nhập mô hình của năm \(year) trở về trước; sửa ngày, hoặc nhập ở năm \(day.year).",
                                    "\(day.description) is after \(year): this grid takes models of \(year) or earlier; fix the date, or enter it in \(day.year).")
        case let (.unitNotInForce(name, from, to), _):
            let w = Words(lang)
            let span = [from.map { w.pick("từ ", "from ") + $0.description }, to.map { w.pick("đến ", "to ") + $0.description }].compactMap { $0 }
            return w.pick("Ngày này nằm ngoài thời gian hiệu lực của “\(name)”", "That day is outside the time “\(name)” is in force")
                + (span.isEmpty ? "" : " (" + span.joined(separator: " ") + ")") + "."
        case let (.totalsDoNotAddUp(total, sum, parts), .en):
            return "Figures do not add up: reported total \(total), fields "
                + parts.map(String.init).joined(separator: " + ") + " = \(sum)."
        }
    }
}
