import DVKCore

/// What the officer signed in may do, as the key bar and the dispatcher see
/// it. The store checks again at every save (scope, locks); here the role
/// alone decides which keys are offered, and a key that is not says why.
extension AppState {
    /// Why nothing may be entered now (a read-only file, a viewer); nil when it may.
    var entryRefusal: String? {
        if isReadOnly { return texts.readOnly }
        return refusal(.enter)
    }

    /// Why approving or unlocking is not for this officer; nil when it is.
    var approvalRefusal: String? {
        if isReadOnly { return texts.readOnly }
        return refusal(.approve)
    }

    private func refusal(_ action: AccessAction) -> String? {
        let needs = AccessPolicy.required(action)
        guard officerRole < needs else { return nil }
        return AccessRefusal.roleTooLow(officer: officer, role: officerRole, needs: needs, action: action).message(lang)
    }

    /// Why `a` may not be taken by this officer, before any screen sees it.
    func refusal(for a: Action) -> String? {
        if Action.approval.contains(a) { return approvalRefusal }
        if Action.entry.contains(a) || a == .undo || a == .redo { return entryRefusal }
        return nil
    }

    func refusal(for request: SaveRequest) -> String? {
        if case let .approval(step, _, _, _) = request, step != .submit { return approvalRefusal }
        return entryRefusal
    }
}
