import { describe, expect, it } from 'vitest'
import { addWorkingTime } from './add-working-time.ts'

const at = (s: string) => new Date(s)

describe('deadlines in working time', () => {
  it('adds natural hours straight through nights and weekends', () => {
    expect(addWorkingTime(at('2026-12-04T22:00:00+08:00'), 4, 'natural_hours')).toEqual(at('2026-12-05T02:00:00+08:00'))
  })

  it('skips the lunch break', () => {
    expect(addWorkingTime(at('2026-12-03T11:00:00+08:00'), 2, 'working_hours')).toEqual(at('2026-12-03T14:30:00+08:00'))
  })

  it('carries over the night and the weekend', () => {
    // Friday 17:00 + 2 working hours: 0.5 h on Friday, 1.5 h from Monday 08:30.
    expect(addWorkingTime(at('2026-12-04T17:00:00+08:00'), 2, 'working_hours')).toEqual(at('2026-12-07T10:00:00+08:00'))
  })

  it('starts a report made on Saturday on Monday morning', () => {
    expect(addWorkingTime(at('2026-12-05T10:00:00+08:00'), 1, 'working_hours')).toEqual(at('2026-12-07T09:30:00+08:00'))
  })

  it('counts a working day as 7.5 working hours', () => {
    expect(addWorkingTime(at('2026-12-03T08:30:00+08:00'), 1, 'working_days')).toEqual(at('2026-12-03T17:30:00+08:00'))
    expect(addWorkingTime(at('2026-12-03T09:00:00+08:00'), 3, 'working_days')).toEqual(at('2026-12-08T09:00:00+08:00'))
  })
})
