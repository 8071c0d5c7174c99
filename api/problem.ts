// Errors as RFC 9457 problem details (application/problem+json). Each kind has a stable `type`;
// `detail` says what to fix; validation problems list the fields and why.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export const PROBLEM_TYPES = {
  'bad-request': { status: 400, title: 'Bad request' },
  'malformed-json': { status: 400, title: 'Malformed JSON' },
  validation: { status: 422, title: 'Validation failed' },
  unauthenticated: { status: 401, title: 'Not signed in' },
  forbidden: { status: 403, title: 'Not allowed for this role' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
  internal: { status: 500, title: 'Internal error' },
} as const
export type ProblemKind = keyof typeof PROBLEM_TYPES

export interface FieldError {
  field: string // JSON pointer-ish path: "location.coordinates.0"
  message: string
}

/** Thrown anywhere below a handler; app.onError turns it into the response. */
export class HttpProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail)
  }
  get status(): number {
    return PROBLEM_TYPES[this.kind].status
  }
}

export function problemResponse(c: Context, p: HttpProblem): Response {
  const { status, title } = PROBLEM_TYPES[p.kind]
  const body = { type: `/problems/${p.kind}`, title, status, detail: p.detail, instance: c.req.path, ...p.extra }
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, { 'content-type': 'application/problem+json' })
}
