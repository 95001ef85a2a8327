/// Calendar arithmetic on local dates and wall-clock times, with no time zone involved.
/// Day numbers count days since 1970-01-01 in the proleptic Gregorian calendar.

public enum Weekday: Int, Sendable, CaseIterable, Codable {
    case mon = 0, tue, wed, thu, fri, sat, sun

    public var name: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue] }

    public init?(name: String) {
        switch name.lowercased() {
        case "mon", "monday": self = .mon
        case "tue", "tuesday": self = .tue
        case "wed", "wednesday": self = .wed
        case "thu", "thursday": self = .thu
        case "fri", "friday": self = .fri
        case "sat", "saturday": self = .sat
        case "sun", "sunday": self = .sun
        default: return nil
        }
    }
}

/// A calendar date, `YYYY-MM-DD`.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date (2026-02-30).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= LocalDate.daysInMonth(year: y, month: m)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7)!
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }
}

/// Parses a wall-clock time `HH:MM` into minutes since midnight. `24:00` only when `allowEndOfDay`.
public func parseClockTime(_ text: String, allowEndOfDay: Bool) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
          let h = Int(parts[0]), let m = Int(parts[1]), (0...59).contains(m) else { return nil }
    if h == 24 && m == 0 && allowEndOfDay { return 1440 }
    guard (0...23).contains(h) else { return nil }
    return h * 60 + m
}

public func formatClockTime(_ minutes: Int) -> String {
    let h = minutes / 60, m = minutes % 60
    return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
}

/// A local date and wall-clock time, `YYYY-MM-DDTHH:MM`.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: LocalDate
    /// Minutes since local midnight, 0...1440 (1440 only for an end written as `24:00`).
    public var minuteOfDay: Int

    public init(date: LocalDate, minuteOfDay: Int) {
        self.date = date; self.minuteOfDay = minuteOfDay
    }

    public init?(parsing text: String, allowEndOfDay: Bool = true) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let d = LocalDate(parsing: String(parts[0])),
              let m = parseClockTime(String(parts[1]), allowEndOfDay: allowEndOfDay) else { return nil }
        self.init(date: d, minuteOfDay: m)
    }

    /// Minutes of naive local time since 1970-01-01T00:00 (no time zone).
    public var naiveMinutes: Int { date.dayNumber * 1440 + minuteOfDay }

    public init(naiveMinutes n: Int) {
        let day = n >= 0 ? n / 1440 : -((-n + 1439) / 1440)
        self.init(date: LocalDate(dayNumber: day), minuteOfDay: n - day * 1440)
    }

    public var description: String { "\(date)T\(formatClockTime(minuteOfDay))" }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.naiveMinutes < b.naiveMinutes }
}
