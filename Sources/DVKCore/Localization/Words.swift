/// The words the reports and the dashboard share, in both languages.
public struct Words: Sendable {
    public let lang: Language
    public init(_ lang: Language) { self.lang = lang }

    /// The one way a text is chosen by language: every Vietnamese/English pair goes through here.
    public func pick(_ vi: String, _ en: String) -> String { lang == .vi ? vi : en }

    public func status(_ s: ProgressStatus) -> String {
        switch s {
        case .met: return pick("Đạt", "Met")
        case .atRisk: return pick("Gần đạt", "At risk")
        case .behind: return pick("Chưa đạt", "Behind")
        case .noData: return pick("Chưa báo cáo", "Not reported")
        }
    }

    /// A glyph per status so a black-and-white printout still says everything.
    public static func glyph(_ s: ProgressStatus) -> String {
        switch s {
        case .met: return "✓"
        case .atRisk: return "▲"
        case .behind: return "✗"
        case .noData: return "–"
        }
    }

    public func statusWithGlyph(_ s: ProgressStatus) -> String { "\(Words.glyph(s)) \(status(s))" }

    /// `compact` fits a 30-column cell (80-column screens).
    public func targetTitle(_ t: Target, compact: Bool = false) -> String {
        if compact, t.metric == .effectiveModelsPerUnit {
            let n = VietnameseNumber.decimal(t.threshold, lang)
            let perField = t.minPerField.map { pick(" (≥ \($0)/LV)", " (≥ \($0)/field)") } ?? ""
            return pick("≥ \(n) mô hình HQ/xã", "≥ \(n) effective/commune") + perField
        }
        if compact, t.metric == .modelCoverage { return pick("Cơ quan có ≥ 1 mô hình", "Agencies with a model") }
        switch t.metric {
        case .planCoverage: return pick("Tổ chức có kế hoạch, phổ biến", "Organisations with a plan")
        case .effectiveModelsPerUnit:
            let n = VietnameseNumber.decimal(t.threshold, lang)
            if let m = t.minPerField { return pick("≥ \(n) mô hình hiệu quả/xã, ≥ \(m)/lĩnh vực", "≥ \(n) effective models/commune, ≥ \(m)/field") }
            return pick("≥ \(n) mô hình hiệu quả/xã", "≥ \(n) effective models/commune")
        case .modelCoverage: return pick("Cơ quan, đơn vị có ≥ 1 mô hình", "Agencies with ≥ 1 model")
        case .satisfaction:
            return pick("Hài lòng ≥ \(VietnameseNumber.decimal(t.threshold, lang))%", "Satisfaction ≥ \(VietnameseNumber.decimal(t.threshold, lang))%")
        }
    }

    /// A unit's kind in a list: its level word for a place (phường, đặc khu,
    /// thị xã), else the kind.
    public func kind(of unit: OrgUnit) -> String {
        UnitLevel.of(unit).map { pick($0.rawValue, $0.english) } ?? kind(unit.kind)
    }

    public func kind(_ k: UnitKind) -> String {
        switch k {
        case .country: return pick("cả nước", "country")
        case .province: return pick("tỉnh", "province")
        case .district: return pick("huyện", "district")
        case .commune: return pick("xã", "commune")
        case .agency: return pick("cơ quan", "agency")
        case .publicService: return pick("đơn vị SN", "public svc")
        case .partyCommittee: return pick("đảng ủy", "party cttee")
        case .partyOrg: return pick("TCCS đảng", "party org")
        case .enterprise: return pick("doanh nghiệp", "enterprise")
        case .massOrg: return pick("đoàn thể", "mass org")
        }
    }

    /// What the officer calls a kind of stored record (the store's entity or
    /// table name): “mô hình”, “khảo sát hài lòng”; English in the singular
    /// or the plural. The history, the import summaries and `dvk undo` read
    /// this one table.
    public func recordKind(_ entity: String, plural: Bool = false) -> String {
        let (vi, en): (String, String)
        switch entity {
        case "model": (vi, en) = ("mô hình", "model")
        case "evaluation": (vi, en) = ("đánh giá", "evaluation")
        case "recognition": (vi, en) = ("công nhận", "recognition")
        case "award": (vi, en) = ("khen thưởng", "award")
        case "survey": (vi, en) = ("khảo sát hài lòng", "satisfaction survey")
        case "plan_adoption": (vi, en) = ("kế hoạch", "plan")
        case "unit": (vi, en) = ("đơn vị", "unit")
        case "target": (vi, en) = ("chỉ tiêu", "target")
        case "meta", "setting": (vi, en) = ("cài đặt", "setting")
        case "field": (vi, en) = ("lĩnh vực", "field")
        case "directive": (vi, en) = ("văn bản", "directive")
        case "reported_figure": (vi, en) = ("số liệu báo cáo", "reported figure")
        case "folder": (vi, en) = ("nạp dữ liệu", "import")
        case "database": return pick("dữ liệu mẫu", "demo data")
        default: return entity
        }
        return pick(vi, plural ? en + "s" : en)
    }

    /// A kind of unit in a sentence: “xã”, “đơn vị sự nghiệp công lập”.
    public func kindName(_ k: UnitKind) -> String {
        switch k {
        case .publicService: return pick("đơn vị sự nghiệp công lập", "public service unit")
        case .partyCommittee: return pick("đảng ủy", "Party committee")
        case .partyOrg: return pick("tổ chức cơ sở đảng", "grassroots Party organisation")
        case .agency: return pick("cơ quan nhà nước", "state agency")
        case .massOrg: return pick("tổ chức đoàn thể", "mass organisation")
        default: return kind(k)
        }
    }

    /// Short field names for narrow columns.
    public func fieldShort(_ code: String) -> String {
        switch code {
        case "economy": return pick("KT", "Eco")
        case "cultureSociety": return pick("VH-XH", "C-S")
        case "defenceSecurity": return pick("QP-AN", "D-S")
        case "politicalSystem": return pick("HTCT", "Pol")
        default: return String(code.prefix(5))
        }
    }

    public var notApplicable: String { pick("Không áp dụng", "Not applicable") }
    public var unitsWord: String { pick("đơn vị", "units") }
    public var year: String { pick("năm", "year") }
    public var title: String { pick("Tiến độ phong trào thi đua “Dân vận khéo”", "“Dân vận khéo” movement progress") }
    public var target: String { pick("Chỉ tiêu", "Target") }
    public var result: String { pick("Kết quả", "Result") }
    public var threshold: String { pick("Mục tiêu", "Goal") }
    public var statusHeader: String { pick("Trạng thái", "Status") }
    public var phase: String { pick("Giai đoạn", "Phase") }
    public var outsidePhase: String { pick("ngoài giai đoạn", "outside phase") }
    public var children: String { pick("Đơn vị trực thuộc", "Units below") }
    public var unit: String { pick("Đơn vị", "Unit") }
    public var kindHeader: String { pick("Loại", "Kind") }
    public var effective: String { pick("Hiệu quả", "Effective") }
    public var pending: String { pick("Chờ ĐG", "Pending") }
    public var satisfaction: String { pick("Hài lòng", "Satisf.") }
    public var plan: String { pick("Kế hoạch", "Plan") }
    public var yes: String { pick("có", "yes") }
    public var no: String { pick("chưa", "no") }
    public var none: String { pick("(không có)", "(none)") }
    public var alerts: String { pick("Cần chú ý", "Alerts") }
    public var unweighted: String { pick("bình quân không gia quyền", "unweighted mean") }
    public var dataAsOf: String { pick("Số liệu đến ngày", "Data as of") }
    public var merged: String { pick("đã sáp nhập vào", "merged into") }

    /// The map a year is read on, as the header names it.
    public func mapView(_ m: MapView) -> String {
        m.isToday ? pick("Địa giới hiện nay", "Today's map") : pick("Địa giới thời đó", "Map of that time")
    }

    /// Where the unit shown comes from or went, one line each: “Gồm Xã Suối
    /// Giàng, Xã Suối Bu, … (đến 30/06/2025)”, “Sáp nhập vào Xã Văn Chấn
    /// từ 01/07/2025”. At most `limit` names, then how many more.
    public func lineage(_ l: Lineage, of unit: OrgUnit, year: Int, limit: Int = 6) -> [String] {
        var out: [String] = []
        if l.notYetFormed {
            let from = unit.validFrom.map { pick(" từ \($0)", " from \($0)") } ?? ""
            out.append(pick("Thành lập\(from): năm \(year) là số liệu của các đơn vị cũ dưới đây",
                            "Formed\(from): \(year) shows the old units below"))
        }
        if !l.predecessors.isEmpty {
            var names = l.predecessors.prefix(limit).map(\.name).joined(separator: ", ")
            if l.predecessors.count > limit {
                names += pick(" và \(l.predecessors.count - limit) đơn vị khác", " and \(l.predecessors.count - limit) more")
            }
            let until = l.predecessors.compactMap(\.validTo).max().map { pick(" (đến \($0))", " (until \($0))") } ?? ""
            out.append(pick("Gồm ", "Formed from ") + names + until)
        }
        if let next = l.successor {
            let from = l.successorFrom.map { pick(" từ \($0)", " from \($0)") } ?? ""
            if unit.kind == .district, next.kind == .province {
                // The district level was abolished, not merged: its own records go to the province.
                out.append(pick("Cấp huyện kết thúc\(from); số liệu của huyện tính cho \(next.name)",
                                "The district level ended\(from); its own records count for \(next.name)"))
            } else {
                out.append(pick("Sáp nhập vào \(next.name)\(from)", "Merged into \(next.name)\(from)"))
            }
        }
        return out
    }

    public func modelsLine(_ m: ModelCounts, compact: Bool = false) -> String {
        let n = { VietnameseNumber.integer($0, self.lang) }
        if compact {
            return pick("Mô hình: \(n(m.effective)) hiệu quả · \(n(m.pending)) chờ ĐG · \(n(m.ineffective)) chưa HQ · \(n(m.effectiveIndividuals)) điển hình",
                        "Models: \(n(m.effective)) effective · \(n(m.pending)) pending · \(n(m.ineffective)) not eff. · \(n(m.effectiveIndividuals)) exemplars")
        }
        return pick("Mô hình: \(n(m.effective)) hiệu quả · \(n(m.pending)) chờ đánh giá · \(n(m.ineffective)) chưa hiệu quả · \(n(m.effectiveIndividuals)) điển hình cá nhân",
                    "Models: \(n(m.effective)) effective · \(n(m.pending)) pending · \(n(m.ineffective)) not effective · \(n(m.effectiveIndividuals)) individual exemplars")
    }

    /// Field names that fit a half-width panel.
    /// Two letters per field, for the one cell that holds all four counts: “KT·VH·QP·HT”.
    public func fieldInitials(_ code: String) -> String {
        switch code {
        case "economy": return pick("KT", "Ec")
        case "cultureSociety": return pick("VH", "CS")
        case "defenceSecurity": return pick("QP", "DS")
        case "politicalSystem": return pick("HT", "PS")
        default: return String(code.prefix(2))
        }
    }

    public func fieldMedium(_ code: String) -> String {
        switch code {
        case "economy": return pick("Kinh tế", "Economy")
        case "cultureSociety": return pick("Văn hóa – xã hội", "Culture–society")
        case "defenceSecurity": return pick("Quốc phòng – an ninh", "Defence–security")
        case "politicalSystem": return pick("Hệ thống chính trị", "Political system")
        default: return code
        }
    }

    public func fieldsShort(_ codes: [String], fields: [Field]) -> String {
        let names = codes.compactMap { c in fields.first { $0.code == c }?.name(lang) }
        return pick("thiếu: ", "short: ") + names.joined(separator: ", ")
    }
}
