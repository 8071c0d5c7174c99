// Working time on the calendar: nights, lunch, weekends, public holidays and make-up working days
// (调休) as the migration seeds them, read from a real database on each engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../db/test-database.ts'
import { addWorkingTime, loadWorkingCalendar, WEEKDAYS_ONLY, type WorkingCalendar } from './working-calendar.ts'

const at = (beijing: string) => new Date(`${beijing}+08:00`)

describe.each(TEST_ENGINES)('the working calendar on %s', (kind) => {
  let db: TestDatabase
  let calendar: WorkingCalendar
  beforeAll(async () => {
    db = await openTestDatabase(kind)
    calendar = await loadWorkingCalendar(db)
  })
  afterAll(() => db?.dispose())

  it.each([
    ['within a morning', '2026-12-07T09:00:00', 2, 'working_hours', '2026-12-07T11:00:00'],
    ['across lunch', '2026-12-07T11:00:00', 2, 'working_hours', '2026-12-07T14:30:00'],
    ['from before opening', '2026-12-07T06:00:00', 1, 'working_hours', '2026-12-07T09:30:00'],
    ['across a weekend', '2026-12-04T16:30:00', 2, 'working_hours', '2026-12-07T09:30:00'],
    ['from a Saturday', '2026-12-05T10:00:00', 1, 'working_hours', '2026-12-07T09:30:00'],
    ['a working day is 7.5 hours', '2026-12-07T08:30:00', 1, 'working_days', '2026-12-07T17:30:00'],
    ['across the National Day week (Oct 1–7 off)', '2026-09-30T16:30:00', 2, 'working_hours', '2026-10-08T09:30:00'],
    ['onto a make-up Saturday (Oct 10 worked)', '2026-10-09T16:30:00', 2, 'working_hours', '2026-10-10T09:30:00'],
    ['across the Spring Festival (Feb 15–23 off, Feb 14 worked)', '2026-02-13T17:00:00', 1, 'working_hours', '2026-02-14T09:00:00'],
    ['past the Spring Festival', '2026-02-14T17:00:00', 1, 'working_hours', '2026-02-24T09:00:00'],
    ['on New Year 2025 (Jan 1 off)', '2024-12-31T17:00:00', 1, 'working_hours', '2025-01-02T09:00:00'],
    ['natural hours ignore the calendar', '2026-10-01T10:00:00', 30, 'natural_hours', '2026-10-02T16:00:00'],
  ] as const)('counts %s', (_, start, amount, unit, expected) => {
    expect(addWorkingTime(calendar, at(start), amount, unit).toISOString()).toBe(at(expected).toISOString())
  })

  it('knows nothing of holidays without the table', () => {
    expect(addWorkingTime(WEEKDAYS_ONLY, at('2026-09-30T16:30:00'), 2, 'working_hours').toISOString()).toBe(at('2026-10-01T09:30:00').toISOString())
  })

  it('holds the State Council dates for 2025 and 2026', async () => {
    const { rows } = await db.query<{ year: number; off: number; worked: number }>(
      `SELECT extract(year FROM day)::int AS year, count(*) FILTER (WHERE NOT working)::int AS off, count(*) FILTER (WHERE working)::int AS worked
         FROM work_calendar_day GROUP BY 1 ORDER BY 1`)
    expect(rows).toEqual([{ year: 2025, off: 28, worked: 5 }, { year: 2026, off: 33, worked: 6 }])
  })
})
