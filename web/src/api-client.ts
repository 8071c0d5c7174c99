// The API over HTTP with the signed-in user's token. A 401 signs the user out.
import { state, update } from './state.ts'

export class ApiError extends Error {
  constructor(readonly status: number, readonly detail: string, readonly body: unknown) {
    super(detail)
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers)
  if (state.token) headers.set('authorization', `Bearer ${state.token}`)
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json')
  const res = await fetch(path, { ...init, headers })
  const type = res.headers.get('content-type') ?? ''
  const body = type.includes('json') ? await res.json() : await res.text()
  if (!res.ok) {
    if (res.status === 401 && state.token) {
      sessionStorage.removeItem('token')
      update({ token: null, user: null })
    }
    throw new ApiError(res.status, (body as { detail?: string })?.detail ?? String(body), body)
  }
  return body as T
}

/** True when the endpoint exists (not a 404 for the route itself): panels hide what is not there. */
export async function exists(path: string): Promise<boolean> {
  const res = await fetch(path, { headers: state.token ? { authorization: `Bearer ${state.token}` } : {} })
  if (res.status !== 404) return true
  const body = await res.json().catch(() => ({}))
  return !/^Nothing at /.test((body as { detail?: string }).detail ?? '')
}
