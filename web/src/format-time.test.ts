// The desk shows Beijing time whatever the browser's zone.
import { describe, expect, it } from 'vitest'
import { formatClock, formatShort, formatTime } from './format-time.ts'

describe('desk times', () => {
  it('shows an instant in Beijing time in both languages', () => {
    const friday = '2026-12-04T12:13:45Z' // 20:13:45 in Beijing
    expect(formatTime(friday, 'zh-CN')).toBe('2026/12/4 20:13:45')
    expect(formatClock(friday, 'zh-CN')).toBe('20:13:45')
    expect(formatShort(friday, 'en')).toMatch(/^12\/04, 20:13$/)
  })

  it('crosses midnight by Beijing time, not by the browser’s', () => {
    expect(formatTime('2026-12-06T17:30:00Z', 'zh-CN')).toBe('2026/12/7 01:30:00')
  })
})
