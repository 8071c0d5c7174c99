// Text fields that PostgreSQL will store: no NUL or other control characters (text and jsonb
// refuse NUL) and no unpaired surrogates (jsonb refuses them). Checked at the door, so such input
// is a 422 that names the field instead of a database error.
import { z } from 'zod'

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ // all but tab, newline, carriage return

export function safeText(max: number) {
  return z
    .string('is text')
    .max(max, `is at most ${max.toLocaleString('en')} characters`)
    .refine((s) => !CONTROL.test(s), 'contains a control character')
    .refine((s) => s.isWellFormed(), 'contains an unpaired surrogate (broken Unicode)')
}
