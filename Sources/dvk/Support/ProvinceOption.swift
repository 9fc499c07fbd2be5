import DVKCore
import DVKStore

extension OfficialMap {
    /// The code of today's province `text` names (a code or a name, see
    /// `provinces(matching:)`); otherwise a usage error listing them all.
    func provinceCode(_ text: String, _ w: Words) throws -> String {
        let found = provinces(matching: text)
        guard found.count == 1 else {
            throw UserError.badOption("--province", w.pick("không có tỉnh, thành phố “\(text)”. Có: ", "no province “\(text)”. There are: ")
                + provinces.map { "\($0.name) (\($0.code))" }.joined(separator: ", "))
        }
        return found[0].code
    }
}
