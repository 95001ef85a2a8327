// SPDX-License-Identifier: GPL-3.0-or-later
import RotaModel
import LinearModel

/// Names for the integer program's columns and rows, made only when asked for (`rota solve
/// --write-lp`), so that the models the solvers build carry none.
///
/// A name says what the column or row stands for, with the scenario's own ids:
/// `lead(w-03,s-12,d2.0930,fc-redditch)` is w-03 leading session s-12 on day 2 at 09:30 at
/// fc-redditch, `cover_under(sh-7)` is shift sh-7's cover row with its shortfall. Ids are made
/// legal for the LP format (`-` becomes `_`, see ``LPNames/sanitize(_:)``), and a name that would
/// repeat one already given gets `~2`, `~3`, … (two placements of a session differing only in
/// something the name leaves out).
struct FormulationNames {
    let enabled: Bool
    private var columns: [String: Int] = [:]
    private var rows: [String: Int] = [:]

    init(enabled: Bool) { self.enabled = enabled }

    /// A column's name, or nil (a generated name) when names are off.
    mutating func column(_ make: () -> String) -> String? {
        enabled ? Self.unique(make(), in: &columns) : nil
    }

    /// A row's name, or nil (a generated name) when names are off.
    mutating func row(_ make: () -> String) -> String? {
        enabled ? Self.unique(make(), in: &rows) : nil
    }

    private static func unique(_ raw: String, in used: inout [String: Int]) -> String {
        let name = LPNames.sanitize(raw) ?? "_"
        guard let n = used[name] else { used[name] = 1; return name }
        var k = n + 1
        while used["\(name)~\(k)"] != nil { k += 1 }
        used[name] = k
        used["\(name)~\(k)"] = 1
        return "\(name)~\(k)"
    }
}

/// The parts of ``FormulationNames``' names: the scenario's ids, times and places.
struct FormulationLabels {
    let inst: Instance
    init(_ instance: Instance) { inst = instance }

    func worker(_ w: Int) -> String { inst.workers[w].id }
    func session(_ s: Int) -> String { inst.sessions[s].id }
    func shift(_ h: Int) -> String { inst.shifts[h].id }
    func shiftType(_ t: Int) -> String { inst.shiftTypes[t].id }
    func caseID(_ c: Int) -> String { inst.cases[c].id }

    /// An absolute minute as `d<day>.<HHMM>` in the horizon's local time.
    func time(_ abs: Int) -> String {
        let m = inst.clock.minuteOfDay(abs)
        let hh = m / 60, mm = m % 60
        return "d\(inst.clock.dayIndex(of: abs)).\(hh < 10 ? "0" : "")\(hh)\(mm < 10 ? "0" : "")\(mm)"
    }

    /// A placement: session, start and venue (or location, for a session away from any venue).
    func placement(_ p: PlacementOption) -> String {
        let place = p.venue.map { inst.venues[$0].id } ?? inst.locationIDs[p.location]
        return "\(session(p.session)),\(time(p.start)),\(place)"
    }

    /// A node of a worker's day route: `lead{placement}`, `help{placement}` or the shift's id.
    func node(_ n: ActivityNode, _ o: OptionSet) -> String {
        switch n.kind {
        case .lead(let pi): return "lead{\(placement(o.placements[pi]))}"
        case .helper(let pi): return "help{\(placement(o.placements[pi]))}"
        case .shift(let h): return shift(h)
        }
    }
}
