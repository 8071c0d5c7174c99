// Request input: JSON bodies and query strings, validated with zod schemas. Every failure is a 4xx
// that names each field and says why.
import type { Context } from 'hono'
import type { z } from 'zod'
import { HttpProblem, type FieldError, type ProblemKind } from './problem.ts'

function invalid(kind: ProblemKind, what: string, issues: z.core.$ZodIssue[]): HttpProblem {
  const errors: FieldError[] = issues.map((i) => ({
    field: i.path.length ? i.path.join('.') : '(body)',
    message: i.message,
  }))
  return new HttpProblem(kind, `Fix ${what}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}.`, { errors })
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new HttpProblem('unsupported-media-type', `Send the body as JSON with "Content-Type: application/json" (got "${type || 'none'}").`)
  }
  const text = await c.req.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (err) {
    throw new HttpProblem('malformed-json', `The body is not valid JSON: ${(err as Error).message}.`)
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw invalid('validation', 'these fields', parsed.error.issues)
  return parsed.data
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query())
  if (!parsed.success) throw invalid('bad-request', 'these query parameters', parsed.error.issues)
  return parsed.data
}
