/// The bytes a terminal sends between ESC[200~ and ESC[201~ in
/// bracketed-paste mode, collected into one `Key.paste`.
///
/// A backend reads them straight from the terminal in large chunks and
/// feeds them here: ncurses reads one byte per system call (a poll and a
/// read), which alone makes 100 KB take most of a second. Text is kept as
/// sent (line breaks, tabs and other controls included): what a field makes
/// of them is the field's rule (`TextInput`), not the terminal's.
public struct BracketedPaste: Sendable {
    public static let startSequence = "\u{1B}[200~"
    public static let endSequence = "\u{1B}[201~"
    /// A longer paste is cut here; the rest is read and dropped, so it
    /// can't turn into keys. Far above any field's limit.
    public static let maxBytes = 4 << 20

    private static let endMarker: [UInt8] = Array(endSequence.utf8)

    public private(set) var bytes: [UInt8] = []
    /// The end marker has arrived.
    public private(set) var isComplete = false
    /// What came after the end marker in the same read (keys typed right
    /// after the paste), for the backend to give back to its key decoder.
    public private(set) var leftover: [UInt8] = []
    /// The end of the last chunk, held back while it could be the start of
    /// the end marker.
    private var tail: [UInt8] = []

    public init() {}

    public mutating func add<Chunk: Collection<UInt8>>(_ chunk: Chunk) {
        guard !isComplete else {
            leftover.append(contentsOf: chunk)
            return
        }
        let data = tail + Array(chunk)
        if let end = Self.find(Self.endMarker, in: data) {
            keep(data[..<end])
            leftover = Array(data[(end + Self.endMarker.count)...])
            tail = []
            isComplete = true
        } else {
            let held = min(Self.endMarker.count - 1, data.count)
            keep(data[..<(data.count - held)])
            tail = Array(data.suffix(held))
        }
    }

    /// The paste so far (all of it once complete). Invalid UTF-8 becomes
    /// U+FFFD rather than failing the paste.
    public var key: Key { .paste(String(decoding: bytes + tail, as: UTF8.self)) }

    private mutating func keep(_ part: ArraySlice<UInt8>) {
        let room = Self.maxBytes - bytes.count
        if room > 0 { bytes.append(contentsOf: part.prefix(room)) }
    }

    private static func find(_ marker: [UInt8], in data: [UInt8]) -> Int? {
        guard data.count >= marker.count else { return nil }
        var i = 0
        while i <= data.count - marker.count {
            if data[i] == marker[0], data[i..<(i + marker.count)].elementsEqual(marker) { return i }
            i += 1
        }
        return nil
    }
}
