import DVKExport
import Foundation

/// Reports are written as every file dvk hands out: through `OutputFile`
/// (temporary 0600 file, renamed when complete, a read-only file left alone).
enum SecureFile {
    static func write(_ data: Data, to path: String) throws {
        try OutputFile.write([UInt8](data), to: path)
    }
}
