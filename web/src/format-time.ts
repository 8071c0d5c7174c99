// Times on the desk are Beijing time, whatever zone the browser runs in: deadlines count working
// hours in Beijing, and a county center and a town hub must read the same clock.
const ZONE = 'Asia/Shanghai'

/** Date and time, e.g. 2026/12/4 09:30:00. */
export const formatTime = (t: string | number, lang: string) => new Date(t).toLocaleString(lang, { timeZone: ZONE, hour12: false })

/** Time of day only. */
export const formatClock = (t: string | number, lang: string) => new Date(t).toLocaleTimeString(lang, { timeZone: ZONE, hour12: false })

/** Month, day, hour and minute (the time slider). */
export const formatShort = (t: string | number, lang: string) =>
  new Date(t).toLocaleString(lang, { timeZone: ZONE, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
