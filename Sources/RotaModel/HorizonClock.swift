import Foundation

/// Converts between local wall-clock times in the scenario's time zone and *absolute minutes*:
/// minutes elapsed since the horizon's first local midnight. A 23- or 25-hour day is exact.
///
/// The UTC offsets around the horizon are read once from the IANA database (through Foundation's
/// `TimeZone`) into a list of segments, so every later conversion is plain integer arithmetic.
public struct HorizonClock: Sendable {
    public enum Resolution: Equatable, Sendable {
        case exact(Int)
        /// The wall-clock time happens twice (autumn clock change); the first occurrence is taken.
        case ambiguous(first: Int, second: Int)
        /// The wall-clock time is skipped (spring clock change).
        case nonexistent
    }

    /// A stretch of absolute time with one UTC offset. `delta` is the offset minus the offset at
    /// the horizon's first midnight, in minutes.
    struct Segment: Sendable {
        var start: Int      // absolute minutes, inclusive
        var end: Int        // absolute minutes, exclusive
        var delta: Int
    }

    public let timeZoneIdentifier: String
    public let start: LocalDate
    public let days: Int
    /// Naive local minutes (since 1970) of the horizon's first midnight.
    let naiveOrigin: Int
    let segments: [Segment]
    /// Absolute minute of each local midnight, for day 0 ... days (days + 1 entries).
    public let dayStarts: [Int]

    /// Builds the clock; nil when the time zone is unknown, or the first midnight does not exist.
    public init?(timeZone identifier: String, start: LocalDate, days: Int) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.timeZoneIdentifier = identifier
        self.start = start
        self.days = days
        naiveOrigin = start.dayNumber * 1440
        // The UTC instant of the first midnight: try each plausible offset (UTC-14 ... UTC+14).
        let naiveSeconds = Double(naiveOrigin) * 60
        var originUTC: Double?
        for guess in [tz.secondsFromGMT(for: Date(timeIntervalSince1970: naiveSeconds))] + Array(stride(from: -14 * 3600, through: 14 * 3600, by: 900)) {
            let utc = naiveSeconds - Double(guess)
            if tz.secondsFromGMT(for: Date(timeIntervalSince1970: utc)) == guess { originUTC = utc; break }
        }
        guard let origin = originUTC else { return nil }
        let offset0 = tz.secondsFromGMT(for: Date(timeIntervalSince1970: origin))
        // Segments from 400 days before to 400 days after the horizon.
        let lo = origin - 400 * 86400, hi = origin + Double(days + 400) * 86400
        var segs: [Segment] = []
        var cursor = Date(timeIntervalSince1970: lo)
        var segStart = Int.min / 4
        while cursor.timeIntervalSince1970 < hi {
            let off = tz.secondsFromGMT(for: cursor)
            guard let next = tz.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < hi else {
                segs.append(Segment(start: segStart, end: Int.max / 4, delta: (off - offset0) / 60))
                break
            }
            let nextAbs = Int(((next.timeIntervalSince1970 - origin) / 60).rounded())
            segs.append(Segment(start: segStart, end: nextAbs, delta: (off - offset0) / 60))
            segStart = nextAbs
            cursor = next
        }
        if segs.isEmpty { segs = [Segment(start: Int.min / 4, end: Int.max / 4, delta: 0)] }
        segments = segs
        var starts: [Int] = []
        starts.reserveCapacity(days + 1)
        for d in 0...days {
            // Every day in the horizon must have a midnight; a zone that skips midnight uses the
            // first instant of the day instead.
            let n = d * 1440
            var abs: Int?
            for s in segs {
                let a = n - s.delta
                if a >= s.start && a < s.end { abs = a; break }
            }
            starts.append(abs ?? (n - (segs.first { $0.end > n - $0.delta }?.delta ?? 0)))
        }
        dayStarts = starts
    }

    /// The difference between local naive minutes and absolute minutes at an absolute minute.
    @inline(__always) func delta(at abs: Int) -> Int {
        if segments.count == 1 { return segments[0].delta }
        for s in segments where abs >= s.start && abs < s.end { return s.delta }
        return segments.last!.delta
    }

    /// Resolves a local date and time to absolute minutes.
    public func resolve(_ t: LocalDateTime) -> Resolution {
        let n = t.naiveMinutes - naiveOrigin
        var found: [Int] = []
        for s in segments {
            let a = n - s.delta
            if a >= s.start && a < s.end { found.append(a) }
        }
        found.sort()
        switch found.count {
        case 0: return .nonexistent
        case 1: return .exact(found[0])
        default: return .ambiguous(first: found[0], second: found[1])
        }
    }

    /// Absolute minutes of a local time, taking the first occurrence of an ambiguous one; nil if skipped.
    public func absolute(_ t: LocalDateTime) -> Int? {
        switch resolve(t) {
        case .exact(let a): return a
        case .ambiguous(let a, _): return a
        case .nonexistent: return nil
        }
    }

    /// The local date and wall-clock time of an absolute minute.
    public func local(_ abs: Int) -> LocalDateTime {
        LocalDateTime(naiveMinutes: abs + delta(at: abs) + naiveOrigin)
    }

    /// The horizon day (0-based, may be outside 0..<days) on which an absolute minute falls.
    public func dayIndex(of abs: Int) -> Int {
        let n = abs + delta(at: abs)
        return n >= 0 ? n / 1440 : -((-n + 1439) / 1440)
    }

    /// Minutes since local midnight on the wall clock.
    public func minuteOfDay(_ abs: Int) -> Int {
        let n = abs + delta(at: abs)
        return ((n % 1440) + 1440) % 1440
    }

    public func date(ofDay d: Int) -> LocalDate { start.adding(days: d) }

    /// Absolute minute of a local midnight for any day index (inside or outside the horizon).
    public func midnight(ofDay d: Int) -> Int {
        if d >= 0 && d <= days { return dayStarts[d] }
        return absolute(LocalDateTime(date: start.adding(days: d), minuteOfDay: 0)) ?? d * 1440
    }

    /// Formats an absolute minute as `YYYY-MM-DDTHH:MM` local time.
    public func format(_ abs: Int) -> String { local(abs).description }
}
