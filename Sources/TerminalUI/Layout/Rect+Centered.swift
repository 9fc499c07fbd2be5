extension Rect {
    /// A rect of the given size (clamped to this one) centred in this one;
    /// an odd spare cell goes right and below, so results are stable.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = Swift.min(Swift.max(0, w), width), ch = Swift.min(Swift.max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}
