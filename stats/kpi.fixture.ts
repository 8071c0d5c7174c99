// The answers for kpi-fixture.sql over June 2026 (from=2026-06-01&to=2026-06-30, Beijing days),
// worked out by hand from the table in that file. as-of = 2026-07-01 00:00 Beijing.
// Hours to close: #1 10, #2 28, #3 2, #4 4, #10 6. p90 is continuous: sorted x, position
// 0.9 × (n − 1), interpolated. #13 (31 May, 23:00) lies outside the period.
import type { KpiFigures } from './compute-kpi.ts'

export const FIXTURE_PERIOD = 'from=2026-06-01&to=2026-06-30'

const ZERO: KpiFigures = {
  total: 0, accepted: 0, rejected: 0, merged: 0, routed: 0, closed: 0, closureRate: null, onTime: 0, onTimeRate: null,
  overdue: 0, overdueOpen: 0, closedLate: 0, rework: 0, reworked: 0, extensions: 0, returns: 0, escalations: 0, shelved: 0,
  selfResolved: 0, closeHoursMean: null, closeHoursP90: null, satisfactionMean: null, satisfactionCount: 0,
}
const kpi = (f: Partial<KpiFigures>): KpiFigures => ({ ...ZERO, ...f })

/** #1–#12, #14, #15. accepted: all but #8 rejected, #9 merged, #12 reported. routed: #1–#7, #10, #14.
 *  closed: #1 #2 #3 #4 #10; on time #1 #3 #10; late #2 #4; open and past due: #5 #14 (#6 is due 5 July).
 *  p90 of [2, 4, 6, 10, 28]: position 3.6 → 10 + 0.6 × 18 = 20.8. */
export const CITY = kpi({
  total: 14, accepted: 11, rejected: 1, merged: 1, routed: 9, closed: 5, closureRate: 0.556, onTime: 3, onTimeRate: 0.6,
  overdue: 4, overdueOpen: 2, closedLate: 2, rework: 3, reworked: 2, extensions: 2, returns: 3, escalations: 1, shelved: 1,
  selfResolved: 1, closeHoursMean: 10, closeHoursP90: 20.8, satisfactionMean: 4, satisfactionCount: 3,
})

/** 通州区 = 金沙街道: #1–#9. Hours [2, 4, 10, 28]: mean 11, p90 at 2.7 → 10 + 0.7 × 18 = 22.6. */
export const TONGZHOU = kpi({
  total: 9, accepted: 7, rejected: 1, merged: 1, routed: 7, closed: 4, closureRate: 0.571, onTime: 2, onTimeRate: 0.5,
  overdue: 3, overdueOpen: 1, closedLate: 2, rework: 3, reworked: 2, extensions: 2, returns: 1, escalations: 1, shelved: 1,
  selfResolved: 1, closeHoursMean: 11, closeHoursP90: 22.6, satisfactionMean: 4, satisfactionCount: 2,
})

/** 如东县 = 掘港街道 = 城中社区: #10 #11 #12 #14. */
export const RUDONG = kpi({
  total: 4, accepted: 3, routed: 2, closed: 1, closureRate: 0.5, onTime: 1, onTimeRate: 1, overdue: 1, overdueOpen: 1,
  returns: 2, closeHoursMean: 6, closeHoursP90: 6, satisfactionMean: 4, satisfactionCount: 1,
})

/** #15, outside every village (police110, accepted). */
export const UNASSIGNED = kpi({ total: 1, accepted: 1 })

/** 和平社区: #1–#5 (also everything station 320612510100 sees). */
export const HEPING = kpi({
  total: 5, accepted: 5, routed: 5, closed: 4, closureRate: 0.8, onTime: 2, onTimeRate: 0.5, overdue: 3, overdueOpen: 1,
  closedLate: 2, rework: 3, reworked: 2, extensions: 1, returns: 1, escalations: 1, selfResolved: 1,
  closeHoursMean: 11, closeHoursP90: 22.6, satisfactionMean: 4, satisfactionCount: 2,
})

/** 新华村: #6 dispatched, #7 shelved, #8 rejected, #9 merged. */
export const XINHUA = kpi({ total: 4, accepted: 2, rejected: 1, merged: 1, routed: 2, closureRate: 0, extensions: 1, shelved: 1 })

/** 数字城管 = 暴露垃圾: #1 #2 #3 #6 #7 #8 #10 #12 #14. Hours [2, 6, 10, 28]: mean 11.5, p90 22.6. */
export const CITYMGMT = kpi({
  total: 9, accepted: 7, rejected: 1, routed: 7, closed: 4, closureRate: 0.571, onTime: 3, onTimeRate: 0.75, overdue: 2,
  overdueOpen: 1, closedLate: 1, rework: 3, reworked: 2, extensions: 2, returns: 2, escalations: 1, shelved: 1, selfResolved: 1,
  closeHoursMean: 11.5, closeHoursP90: 22.6, satisfactionMean: 4.5, satisfactionCount: 2,
})

/** 110公安 = 治安隐患: #4 #5 #9 #11 #15. */
export const POLICE = kpi({
  total: 5, accepted: 4, merged: 1, routed: 2, closed: 1, closureRate: 0.5, onTime: 0, onTimeRate: 0, overdue: 2,
  overdueOpen: 1, closedLate: 1, returns: 1, closeHoursMean: 4, closeHoursP90: 4, satisfactionMean: 3, satisfactionCount: 1,
})

/** What department-citymgmt sees per county: 通州区 #1 #2 #3 #6 #7 #8, 如东县 #10 #12 #14. */
export const CITYMGMT_TONGZHOU = kpi({
  total: 6, accepted: 5, rejected: 1, routed: 5, closed: 3, closureRate: 0.6, onTime: 2, onTimeRate: 0.667, overdue: 1,
  closedLate: 1, rework: 3, reworked: 2, extensions: 2, escalations: 1, shelved: 1, selfResolved: 1,
  closeHoursMean: 13.3, closeHoursP90: 24.4, satisfactionMean: 5, satisfactionCount: 1,
})
export const CITYMGMT_RUDONG = kpi({
  total: 3, accepted: 2, routed: 2, closed: 1, closureRate: 0.5, onTime: 1, onTimeRate: 1, overdue: 1, overdueOpen: 1,
  returns: 2, closeHoursMean: 6, closeHoursP90: 6, satisfactionMean: 4, satisfactionCount: 1,
})

/** Reporting days (Beijing) in June: #12 at 23:30 on the 30th still counts; #13 on 31 May does not. */
export const DAYS = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-10', '2026-06-11',
  '2026-06-12', '2026-06-15', '2026-06-20', '2026-06-25', '2026-06-28', '2026-06-30']

/** to=2026-06-05T10:00+08:00: #1–#5; #5 is due at 11:00, so not yet overdue; #2 and #4 closed late. */
export const EARLY_JUNE = kpi({
  total: 5, accepted: 5, routed: 5, closed: 4, closureRate: 0.8, onTime: 2, onTimeRate: 0.5, overdue: 2, overdueOpen: 0,
  closedLate: 2, rework: 3, reworked: 2, extensions: 1, returns: 1, escalations: 1, selfResolved: 1,
  closeHoursMean: 11, closeHoursP90: 22.6, satisfactionMean: 4, satisfactionCount: 2,
})
