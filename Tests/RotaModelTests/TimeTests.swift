import Testing
import RotaModel

@Suite("Local time and the IANA database") struct TimeTests {
    @Test func springForwardDayHas23Hours() throws {
        let clock = try #require(HorizonClock(timeZone: "Europe/London", start: LocalDate(parsing: "2027-03-28")!, days: 2))
        #expect(clock.dayStarts == [0, 23 * 60, 47 * 60])
        #expect(clock.resolve(LocalDateTime(parsing: "2027-03-28T01:30")!) == .nonexistent)
        #expect(clock.absolute(LocalDateTime(parsing: "2027-03-28T03:00")!) == 120)   // 00:00 -> 01:00 GMT = 02:00 BST
        #expect(clock.format(120) == "2027-03-28T03:00")
    }

    @Test func autumnBackDayHas25Hours() throws {
        let clock = try #require(HorizonClock(timeZone: "Europe/London", start: LocalDate(parsing: "2026-10-25")!, days: 2))
        #expect(clock.dayStarts == [0, 25 * 60, 49 * 60])
        // 01:30 happens twice; the first occurrence (BST) is taken.
        #expect(clock.resolve(LocalDateTime(parsing: "2026-10-25T01:30")!) == .ambiguous(first: 90, second: 150))
        #expect(clock.minuteOfDay(150) == 90)
        #expect(clock.dayIndex(of: 25 * 60 - 1) == 0 && clock.dayIndex(of: 25 * 60) == 1)
    }

    @Test func calendarArithmetic() {
        let d = LocalDate(parsing: "2026-11-23")!
        #expect(d.weekday == .mon)
        #expect(d.adding(days: 6).weekday == .sun)
        #expect(LocalDate(parsing: "2024-02-29") != nil && LocalDate(parsing: "2026-02-29") == nil)
        #expect(LocalDate(dayNumber: d.dayNumber) == d)
        #expect(parseClockTime("24:00", allowEndOfDay: true) == 1440 && parseClockTime("24:00", allowEndOfDay: false) == nil)
        #expect(parseClockTime("7:00", allowEndOfDay: false) == nil)
    }

    @Test func unknownTimeZone() {
        #expect(HorizonClock(timeZone: "Mars/Olympus", start: LocalDate(parsing: "2026-11-23")!, days: 7) == nil)
    }
}
