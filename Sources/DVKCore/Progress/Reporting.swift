/// What one unit itself sent in for a year (Tình hình báo cáo): the three
/// reports the targets ask of its kind, and whether each arrived.
public struct OwnReport: Hashable, Sendable {
    /// Which reports the targets ask of this kind of unit.
    public var expectsModels = false
    public var expectsSurvey = false
    public var expectsPlan = false
    /// Models in force in the year, and of those not yet evaluated.
    public var modelsInForce = 0
    public var pending = 0
    public var surveyed = false
    public var planned = false
    /// Of the plan sent in, whether it was adopted (nil: no plan of its own sent).
    public var planAdopted: Bool?

    public init() {}

    public var expectsAny: Bool { expectsModels || expectsSurvey || expectsPlan }
    /// Models reported and every one evaluated.
    public var modelsDone: Bool { modelsInForce > 0 && pending == 0 }
    public var isComplete: Bool {
        expectsAny && (!expectsModels || modelsDone) && (!expectsSurvey || surveyed) && (!expectsPlan || planned)
    }
    /// What is still to come before the unit can submit (nộp) its year.
    public func missing(_ lang: Language) -> [String] {
        let w = Words(lang)
        var out: [String] = []
        if expectsModels && modelsInForce == 0 { out.append(w.pick("báo cáo mô hình", "the models report")) }
        if expectsModels && pending > 0 { out.append(w.pick("đánh giá \(pending) mô hình", "the evaluation of \(pending) models")) }
        if expectsSurvey && !surveyed { out.append(w.pick("khảo sát sự hài lòng", "the satisfaction survey")) }
        if expectsPlan && !planned { out.append(w.pick("kế hoạch", "the plan")) }
        return out
    }

    /// Nothing at all for the year: “chưa báo cáo”, not “0 models”.
    public var isSilent: Bool { expectsAny && modelsInForce == 0 && !surveyed && !planned }
}

/// The units of a subtree expected to report, and how many did (each count
/// over the units asked for that report).
public struct ReportingCounts: Hashable, Sendable {
    public var expected = 0
    public var complete = 0
    public var silent = 0
    public var modelsExpected = 0, modelsDone = 0
    public var surveyExpected = 0, surveyed = 0
    public var planExpected = 0, planned = 0

    public init() {}

    mutating func add(_ o: OwnReport) {
        guard o.expectsAny else { return }
        expected += 1
        if o.isComplete { complete += 1 }
        if o.isSilent { silent += 1 }
        if o.expectsModels { modelsExpected += 1; if o.modelsDone { modelsDone += 1 } }
        if o.expectsSurvey { surveyExpected += 1; if o.surveyed { surveyed += 1 } }
        if o.expectsPlan { planExpected += 1; if o.planned { planned += 1 } }
    }

    mutating func add(_ c: ReportingCounts) {
        expected += c.expected
        complete += c.complete
        silent += c.silent
        modelsExpected += c.modelsExpected
        modelsDone += c.modelsDone
        surveyExpected += c.surveyExpected
        surveyed += c.surveyed
        planExpected += c.planExpected
        planned += c.planned
    }

    /// Units that sent something in, of those asked.
    public var reporting: Int { expected - silent }
}

extension UnitProgress {
    /// The unit's own reports as a row of their own (a district's own survey
    /// and plan), so a list of the units below it adds up to its counts.
    public var ownReportRow: UnitProgress {
        var me = self
        me.reporting = ReportingCounts()
        me.reporting.add(own)
        // Its own models only: the subtree's are in the rows below.
        me.models = ModelCounts()
        me.models.inForce = own.modelsInForce
        me.models.pending = own.pending
        return me
    }

    /// “Huyện Văn Chấn (bản thân)”: the name on that row.
    public func ownRowName(_ lang: Language) -> String { unit.name + " (" + Words(lang).pick("bản thân", "itself") + ")" }
}
