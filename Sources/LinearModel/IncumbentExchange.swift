// SPDX-License-Identifier: GPL-3.0-or-later

/// Lets a MIP solver share incumbents with searches running beside it during one solve: it asks
/// for a better point now and then (and takes it as its incumbent, so it prunes more), and reports
/// each new incumbent it finds (so the searches can build on it).
///
/// Points are 0-based column vectors of the model being solved, integer columns exactly integral,
/// and feasible for it: the solver does not check constraints of a point it is given.
public protocol IncumbentExchange: AnyObject, Sendable {
    /// A feasible point whose objective is better than `objective` (nil: the solver has none yet),
    /// or nil when none is known.
    func point(betterThan objective: Double?) -> [Double]?
    /// The solver has a new incumbent.
    func found(_ point: [Double], objective: Double)
}
