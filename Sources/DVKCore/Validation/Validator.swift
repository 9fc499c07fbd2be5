import Foundation

/// Rules every record obeys before it is stored. Pure: the caller passes today.
public struct Validator: Sendable {
    /// The movement began in 2009; nothing is recorded before 2000.
    public static let earliestYear = 2000
    /// Names and titles: what fits a report line.
    public static let nameLimit = 200
    /// A reason, an issuer, a decision number.
    public static let shortTextLimit = 500
    /// A description, goals, expected outputs: a paragraph or a few.
    public static let longTextLimit = 4000
    public let today: Day

    public init(today: Day) { self.today = today }

    public var latestYear: Int { today.year + 5 }

    public func checkYear(_ year: Int, field: String = "year") -> [ValidationIssue] {
        // A `today` before 2000 (a damaged data_as_of) makes no year valid; it must not trap.
        year >= Validator.earliestYear && year <= latestYear ? []
            : [ValidationIssue(field: field, problem: .yearOutOfRange(year, min: Validator.earliestYear, max: latestYear))]
    }

    public func check(_ m: Model) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if m.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(.init(field: "title", problem: .required))
        } else if m.title.count > Validator.nameLimit {
            issues.append(.init(field: "title", problem: .tooLong(max: Validator.nameLimit)))
        }
        if m.fieldCode.isEmpty { issues.append(.init(field: "field", problem: .required)) }
        for (name, text, limit) in [("description", m.description, Validator.longTextLimit), ("goals", m.goals, Validator.longTextLimit),
                                    ("expectedOutputs", m.expectedOutputs, Validator.longTextLimit),
                                    ("removalReason", m.removalReason ?? "", Validator.shortTextLimit)] where text.count > limit {
            issues.append(.init(field: name, problem: .tooLong(max: limit)))
        }
        for (name, day) in [("registeredOn", m.registeredOn), ("launchedOn", m.launchedOn), ("removedOn", m.removedOn)] {
            if let d = day { issues += checkYear(d.year, field: name) }
        }
        if let r = m.registeredOn, let l = m.launchedOn, l < r {
            issues.append(.init(field: "launchedOn", problem: .notBefore(otherFieldVI: "ngày đăng ký", otherFieldEN: "registration date")))
        }
        if let l = m.launchedOn, let x = m.removedOn, x < l {
            issues.append(.init(field: "removedOn", problem: .notBefore(otherFieldVI: "ngày ra mắt", otherFieldEN: "launch date")))
        }
        if m.removedOn != nil, (m.removalReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(.init(field: "removalReason", problem: .removalNeedsReason))
        }
        if let f = m.fundsVND, f < 0 { issues.append(.init(field: "fundsVND", problem: .negative)) }
        if let w = m.workDays, w < 0 { issues.append(.init(field: "workDays", problem: .negative)) }
        return issues
    }

    public func check(_ e: Evaluation) -> [ValidationIssue] { checkYear(e.year) }

    public func check(_ r: Recognition, of model: Model) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if r.decisionNumber.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(.init(field: "decisionNumber", problem: .required))
        }
        for (name, text) in [("decisionNumber", r.decisionNumber), ("issuer", r.issuer)] where text.count > Validator.shortTextLimit {
            issues.append(.init(field: name, problem: .tooLong(max: Validator.shortTextLimit)))
        }
        if model.launchedOn == nil { issues.append(.init(field: "modelID", problem: .notLaunched)) }
        if let d = r.decidedOn {
            issues += checkYear(d.year, field: "decidedOn")
            if let l = model.launchedOn, d < l {
                issues.append(.init(field: "decidedOn", problem: .notBefore(otherFieldVI: "ngày ra mắt", otherFieldEN: "launch date")))
            }
        }
        return issues
    }

    public func check(_ s: SatisfactionSurvey) -> [ValidationIssue] {
        var issues = checkYear(s.year)
        if !(0...1000).contains(s.permille) {
            issues.append(.init(field: "percent", problem: .percentOutOfRange(Double(s.permille) / 10)))
        }
        if let r = s.respondents, r < 0 { issues.append(.init(field: "respondents", problem: .negative)) }
        return issues
    }

    public func check(_ p: PlanAdoption) -> [ValidationIssue] { checkYear(p.year) }

    public func check(_ u: OrgUnit) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if u.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(.init(field: "name", problem: .required))
        } else if u.name.count > Validator.nameLimit {
            issues.append(.init(field: "name", problem: .tooLong(max: Validator.nameLimit)))
        }
        if let f = u.validFrom, let t = u.validTo, t < f {
            issues.append(.init(field: "validTo", problem: .notBefore(otherFieldVI: "ngày bắt đầu hiệu lực", otherFieldEN: "start date")))
        }
        return issues
    }

    public func check(_ t: Target) -> [ValidationIssue] {
        var issues = checkYear(t.phase.startYear, field: "phaseStart") + checkYear(t.phase.endYear, field: "phaseEnd")
        if t.phase.endYear < t.phase.startYear {
            issues.append(.init(field: "phaseEnd", problem: .notBefore(otherFieldVI: "năm bắt đầu giai đoạn", otherFieldEN: "phase start")))
        }
        if t.threshold < 0 { issues.append(.init(field: "threshold", problem: .negative)) }
        if t.metric != .effectiveModelsPerUnit, t.threshold > 100 {
            issues.append(.init(field: "threshold", problem: .percentOutOfRange(t.threshold)))
        }
        let count = NumberLimits.countThreshold
        if t.metric == .effectiveModelsPerUnit, !(t.threshold.isFinite && t.threshold <= Double(count.upperBound)) {
            issues.append(.init(field: "threshold", problem: .outOfRange(VietnameseNumber.decimal(t.threshold), min: count.lowerBound, max: count.upperBound)))
        }
        if let m = t.minPerField, m < 0 || Int64(m) > count.upperBound {
            issues.append(.init(field: "minPerField", problem: .outOfRange(String(m), min: count.lowerBound, max: count.upperBound)))
        }
        if t.unitKinds.isEmpty { issues.append(.init(field: "unitKinds", problem: .required)) }
        return issues
    }
}
