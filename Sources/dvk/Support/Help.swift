import DVKCore
import Foundation

/// The language of help texts, fixed before parsing: argument-parser builds
/// help from static declarations, so `--lang en` is read from the raw
/// arguments here (an immutable global, computed once).
let helpLanguage: Language = {
    let args = CommandLine.arguments
    var flag: String?
    for (i, a) in args.enumerated() {
        if a == "--lang", i + 1 < args.count { flag = args[i + 1] }
        if a.hasPrefix("--lang=") { flag = String(a.dropFirst(7)) }
    }
    return Language.resolve(flag: flag, environment: ProcessInfo.processInfo.environment)
}()

/// Help text in the help language.
func help(_ vi: String, _ en: String) -> String { Words(helpLanguage).pick(vi, en) }
