// SPDX-License-Identifier: GPL-3.0-or-later

/// A linear programme kept loaded in a solver between solves, so that each solve starts from the
/// last basis: what column generation needs (columns added, bounds changed, solved again).
/// Column and row indices are 0-based, in the order of the model it was made from and then of the
/// columns added. Not thread-safe: one thread uses it, inside the call that made it.
public protocol IncrementalLP: AnyObject {
    /// Adds a column with its objective coefficient, bounds and nonzeros (row, value).
    func addColumn(objective: Double, lower: Double, upper: Double, entries: [(row: Int, value: Double)])
    /// Replaces a column's bounds.
    func setBounds(column: Int, lower: Double, upper: Double)
    /// Solves from the current basis, within `timeLimit` seconds as well as any limit the LP was made
    /// with (nil: that limit only). An optimal result carries `values` and `rowDuals`; one stopped by a
    /// limit has termination `.timeLimit`, and the next solve goes on from where it stopped.
    func solve(timeLimit: Double?) -> MIPResult
}

extension IncrementalLP {
    /// Solves from the current basis within the LP's own time limit.
    public func solve() -> MIPResult { solve(timeLimit: nil) }
}
