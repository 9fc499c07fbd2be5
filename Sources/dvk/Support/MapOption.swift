import ArgumentParser
import DVKApp
import DVKCore

/// `--map today|then`: which map past years are read on, for every command
/// that shows figures, so the screen, `dvk status` and `dvk snapshot` agree.
struct MapOption: ParsableArguments {
    enum Choice: String, ExpressibleByArgument, CaseIterable {
        case today, then

        func view(today: Day = SessionStart.currentDay()) -> MapView {
            self == .today ? .today(today) : .then
        }
    }

    @Option(name: .long, help: ArgumentHelp(help("Địa giới: today = theo địa giới hiện nay (mặc định; đơn vị mới gồm số liệu của đơn vị cũ), then = theo địa giới thời đó.",
                                                  "Map: today = today's units (default; each with its predecessors' records), then = the units as they were that year."),
                                            valueName: "today|then"))
    var map: Choice = .today

    func view(today: Day = SessionStart.currentDay()) -> MapView {
        map.view(today: today)
    }
}
