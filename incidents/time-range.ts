// The times this system stores: instants from 1970 up to (not including) 2100, read with a zone
// offset some place uses (UTC−12:00 to UTC+14:00). PostgreSQL has no year 0, refuses offsets past
// ±15:59, and a year past 9999 cannot be printed back in ISO form: every door that takes a time
// (the API's fields, the KPI dates, the bulk importer) holds it to this one range.
export const EARLIEST_TIME = Date.UTC(1970, 0, 1)
export const LATEST_TIME = Date.UTC(2100, 0, 1)

export const inTimeRange = (ms: number) => ms >= EARLIEST_TIME && ms < LATEST_TIME

/** Whether an offset of this many minutes east of UTC (west: negative) is one some place uses. */
export const realZoneOffset = (minutesEast: number) => minutesEast >= -12 * 60 && minutesEast <= 14 * 60
