// SPDX-License-Identifier: GPL-3.0-or-later

internal import CGLPK
import Foundation
import Logging

/// The one place where GLPK's global state is entered.
///
/// GLPK keeps its environment (terminal settings, hooks, memory accounting) in one place per
/// process, or one per thread when it is built re-entrant (`glp_config("TLS")`; GLPK 4.61 and
/// later do so by default, Debian's 5.0 included). Every use of GLPK in this module runs inside
/// ``GLPKSession/run(logger:_:)``, which configures terminal output and restores it afterwards.
/// A re-entrant GLPK runs sessions on different threads in parallel, and each session frees its
/// thread's environment at the end (as GLPK asks of threads), so no GLPK object outlives a call;
/// otherwise sessions are serialised by a process-wide lock. A `glp_prob` is created and deleted
/// inside one session (GLPK's allocator is per-environment).
enum GLPKSession {
    private static let lock = NSLock()

    /// Whether this GLPK keeps one environment per thread, so sessions may run in parallel.
    static let isReentrant: Bool = lock.withLock {
        guard let value = glp_config("TLS") else { return false }
        return !String(cString: value).isEmpty
    }

    /// Test hook: counts sessions entered by the current task (used to prove that invalid models
    /// never reach GLPK).
    @TaskLocal static var observer: SessionCounter?

    /// Runs `body` with exclusive use of GLPK. Terminal output is off unless `logger` is at
    /// `.debug` or finer, in which case it is routed to the logger line by line.
    /// `body` receives the `msg_lev` to use in control-parameter blocks.
    static func run<T>(logger: Logger?, _ body: (_ messageLevel: Int32) throws -> T) rethrows -> T {
        observer?.increment()
        let parallel = isReentrant
        // A session inside another on the same thread (an incremental LP's body solving something else)
        // shares the outer one's environment and lock: freeing it here would free the outer problem.
        let depthKey = "rota.glpk.session.depth"
        let depth = Thread.current.threadDictionary[depthKey] as? Int ?? 0
        Thread.current.threadDictionary[depthKey] = depth + 1
        if !parallel && depth == 0 { lock.lock() }
        defer {
            Thread.current.threadDictionary[depthKey] = depth
            // This thread's environment (GLPK's own advice for threads); the next session makes a new one.
            if depth == 0 { if parallel { glp_free_env() } else { lock.unlock() } }
        }
        guard let logger, logger.logLevel <= .debug else {
            glp_term_out(GLP_OFF)
            return try body(GLP_MSG_OFF)
        }
        let sink = TerminalSink(logger: logger)
        glp_term_out(GLP_ON)
        glp_term_hook({ info, text in
            // C callback: no Swift error may escape; returning nonzero suppresses GLPK's own printing.
            guard let info, let text else { return 1 }
            Unmanaged<TerminalSink>.fromOpaque(info).takeUnretainedValue().write(String(cString: text))
            return 1
        }, Unmanaged.passUnretained(sink).toOpaque())
        defer {
            glp_term_hook(nil, nil)
            glp_term_out(GLP_OFF)
            sink.flush()
        }
        return try withExtendedLifetime(sink) {
            try body(logger.logLevel == .trace ? GLP_MSG_ALL : GLP_MSG_ON)
        }
    }
}

/// Collects GLPK's output fragments and logs complete lines at debug level.
final class TerminalSink {
    private let logger: Logger
    private var pending = ""

    init(logger: Logger) { self.logger = logger }

    func write(_ fragment: String) {
        pending += fragment
        while let newline = pending.firstIndex(of: "\n") {
            let line = pending[..<newline]
            if !line.isEmpty { logger.debug("\(line)", source: "GLPK") }
            pending = String(pending[pending.index(after: newline)...])
        }
    }

    func flush() {
        if !pending.isEmpty { logger.debug("\(pending)", source: "GLPK") }
        pending = ""
    }
}

/// Counts GLPK sessions (see ``GLPKSession/observer``).
final class SessionCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
