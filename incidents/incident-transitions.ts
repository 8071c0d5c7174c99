// The closed loop as data: every action, the states it may start from, the state it leads to, and
// who may take it. apply-action.ts enforces it; GET /api/incidents/{id} shows what the caller may
// do next from it. One table, so that the server, the list of allowed actions and the tests read
// the same rules.
//
//   reported → accepted | rejected | merged → dispatched → signed → handled → verified → closed → evaluated
//   exceptions: return (退单) → accepted, reassign (改派), extensions (延期), shelve (挂账), reopen,
//   self-resolve (自处置: reported → closed by the grid worker who reported it), escalate (督办, system).
import type { Role } from '../accounts/roles.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'

export const STATUSES = ['reported', 'accepted', 'rejected', 'merged', 'dispatched', 'signed', 'handled',
  'verified', 'closed', 'evaluated', 'shelved'] as const
export type Status = (typeof STATUSES)[number]
export const OPEN_STATUSES: readonly Status[] = ['reported', 'accepted', 'dispatched', 'signed', 'handled', 'verified']

export const LEVELS = ['village', 'town', 'county', 'city'] as const
export type Level = (typeof LEVELS)[number]

/**
 * Who stands in which relation to an incident:
 *   hub       the linkage center of the incident's handling level (town for village- and town-level
 *             events, the county or city center once escalated there), in its area; admin
 *   receiver  the unit it is dispatched to: its department, its station (police-relevant) or the
 *             workers of its grid; admin
 *   verifier  the grid worker of its grid, its village center, or the hub (field re-check)
 *   reporter  whoever reported it (evaluate); the hotline's city center follows up by phone
 *   selfResolver  the grid worker who reported it, in their grid, for a self-resolvable category
 *   system    the supervision scheduler only
 */
export type Party = 'hub' | 'receiver' | 'verifier' | 'evaluator' | 'selfResolver' | 'system'

/** The roles that can ever stand in each relation (a caller with none of them gets a 403 at once). */
export const PARTY_ROLES: Record<Party, readonly Role[]> = {
  hub: ['admin', 'town_center', 'county_center', 'city_center'],
  receiver: ['admin', 'department', 'station', 'grid_worker'],
  verifier: ['admin', 'grid_worker', 'village_center', 'town_center', 'county_center', 'city_center'],
  evaluator: ['admin', 'city_center', 'county_center', 'town_center', 'village_center', 'grid_worker', 'station'],
  selfResolver: ['grid_worker'],
  system: [],
}

/** Conditions beyond the state. */
export type Guard = 'no-pending-extension' | 'pending-extension' | 'self-resolvable'

export interface Transition {
  from: readonly Status[]
  /** The new state; 'same' keeps it; verify leads by its result. */
  to: Status | 'same' | { pass: Status; fail: Status }
  by: Party
  guard?: Guard
  label: string
}

export const TRANSITIONS = {
  accept: { from: ['reported'], to: 'accepted', by: 'hub', label: '受理 accept' },
  reject: { from: ['reported'], to: 'rejected', by: 'hub', label: '不予受理 reject' },
  merge: { from: ['reported'], to: 'merged', by: 'hub', label: '合并重复 merge' },
  dispatch: { from: ['accepted'], to: 'dispatched', by: 'hub', label: '派遣 dispatch' },
  reassign: { from: ['dispatched', 'signed'], to: 'dispatched', by: 'hub', label: '改派 reassign' },
  sign: { from: ['dispatched'], to: 'signed', by: 'receiver', label: '签收 sign' },
  handle: { from: ['signed'], to: 'handled', by: 'receiver', label: '处置反馈 handle' },
  return: { from: ['dispatched', 'signed'], to: 'accepted', by: 'receiver', label: '退单 return' },
  'request-extension': { from: ['dispatched', 'signed'], to: 'same', by: 'receiver', guard: 'no-pending-extension', label: '申请延期 request extension' },
  'approve-extension': { from: ['dispatched', 'signed'], to: 'same', by: 'hub', guard: 'pending-extension', label: '批准延期 approve extension' },
  'refuse-extension': { from: ['dispatched', 'signed'], to: 'same', by: 'hub', guard: 'pending-extension', label: '驳回延期 refuse extension' },
  verify: { from: ['handled'], to: { pass: 'verified', fail: 'dispatched' }, by: 'verifier', label: '核查 verify' },
  close: { from: ['verified'], to: 'closed', by: 'hub', label: '结案 close' },
  evaluate: { from: ['closed'], to: 'evaluated', by: 'evaluator', label: '评价 evaluate' },
  shelve: { from: ['accepted', 'dispatched', 'signed', 'handled'], to: 'shelved', by: 'hub', label: '挂账 shelve' },
  reopen: { from: ['shelved', 'rejected', 'closed', 'evaluated'], to: 'accepted', by: 'hub', label: '重新受理 reopen' },
  'self-resolve': { from: ['reported'], to: 'closed', by: 'selfResolver', guard: 'self-resolvable', label: '自处置 self-resolve' },
  escalate: { from: OPEN_STATUSES, to: 'same', by: 'system', label: '督办升级 escalate' },
} as const satisfies Record<string, Transition>

export type Action = keyof typeof TRANSITIONS
export const ACTIONS = Object.keys(TRANSITIONS) as Action[]

/** What the rules need to know about an incident (read with the row lock held). */
export interface IncidentFacts {
  status: Status
  handlingLevel: Level | null
  villageCode: string | null
  gridCode: string | null
  departmentCode: string | null
  assigneeKind: 'station' | 'exclusive_grid' | 'grid' | null
  assignee: string | null
  reporterId: number | null
  selfResolvable: boolean
  pendingExtension: boolean
}

/** The incident columns the facts are read from (both the action's locked row and a plain read). */
export interface FactsRow {
  status: Status
  handling_level: Level | null
  village_code: string | null
  grid_code: string | null
  department_code: string | null
  assignee_kind: 'station' | 'exclusive_grid' | 'grid' | null
  assignee: string | null
  reporter_id: number | string | null
  self_resolvable: boolean
  pending_extension: unknown | null
}

export const factsOf = (r: FactsRow): IncidentFacts => ({
  status: r.status,
  handlingLevel: r.handling_level,
  villageCode: r.village_code,
  gridCode: r.grid_code,
  departmentCode: r.department_code,
  assigneeKind: r.assignee_kind,
  assignee: r.assignee,
  reporterId: r.reporter_id === null ? null : Number(r.reporter_id),
  selfResolvable: r.self_resolvable,
  pendingExtension: r.pending_extension !== null,
})

/** The caller: who they are and where they may act. The system actor has user null. */
export interface Actor {
  user: { id: number; role: Role } | null
  jurisdiction: Jurisdiction
}

/** The center level that acts as hub: town for village- and town-level events, else the level. */
export function hubLevel(f: IncidentFacts): Exclude<Level, 'village'> {
  return f.handlingLevel === 'county' || f.handlingLevel === 'city' ? f.handlingLevel : 'town'
}

const CENTER_LEVEL: Partial<Record<Role, Level>> = {
  village_center: 'village', town_center: 'town', county_center: 'county', city_center: 'city',
}

/** Whether the actor stands in `party` to the incident. The caller has already seen it in scope. */
export function standsAs(party: Party, f: IncidentFacts, a: Actor): boolean {
  const user = a.user
  if (party === 'system') return user === null
  if (!user) return false
  const role = user.role
  const codes = a.jurisdiction.codes
  switch (party) {
    case 'hub':
      return role === 'admin' || CENTER_LEVEL[role] === hubLevel(f)
    case 'receiver':
      if (role === 'admin') return true
      if (role === 'station') return f.assigneeKind === 'station' && codes.includes(f.assignee ?? '')
      if (role === 'department') return f.assigneeKind === null && codes.includes(f.departmentCode ?? '')
      if (role === 'grid_worker') return (f.assigneeKind === 'grid' || f.assigneeKind === 'exclusive_grid') && codes.includes(f.assignee ?? '')
      return false
    case 'verifier':
      if (role === 'grid_worker') return codes.includes(f.gridCode ?? '')
      if (role === 'village_center') return f.villageCode !== null && a.jurisdiction.areaPrefixes.some((p) => f.villageCode!.startsWith(p))
      return standsAs('hub', f, a)
    case 'evaluator':
      return f.reporterId === user.id || role === 'admin' || role === 'city_center' || standsAs('hub', f, a)
    case 'selfResolver':
      return role === 'grid_worker' && f.reporterId === user.id && codes.includes(f.gridCode ?? '')
  }
}

function guardHolds(guard: Guard | undefined, f: IncidentFacts): boolean {
  if (guard === 'pending-extension') return f.pendingExtension
  if (guard === 'no-pending-extension') return !f.pendingExtension
  if (guard === 'self-resolvable') return f.selfResolvable
  return true
}

export type Refusal =
  | { kind: 'role' } // the caller's role never takes this action: 403
  | { kind: 'state'; allowed: Action[] } // not from this state (or its guard fails): 409
  | { kind: 'party' } // right role, but not this incident's hub/receiver/…: 403

/** Null when the actor may take the action now, else why not. */
export function refusal(action: Action, f: IncidentFacts, a: Actor): Refusal | null {
  const t: Transition = TRANSITIONS[action]
  if (a.user && !PARTY_ROLES[t.by].includes(a.user.role)) return { kind: 'role' }
  if (!t.from.includes(f.status) || !guardHolds(t.guard, f)) return { kind: 'state', allowed: allowedActions(f, a) }
  if (!standsAs(t.by, f, a)) return { kind: 'party' }
  return null
}

/** The actions this actor may take on the incident now (never the system's escalate for a user). */
export function allowedActions(f: IncidentFacts, a: Actor): Action[] {
  return ACTIONS.filter((action) => {
    const t: Transition = TRANSITIONS[action]
    return t.from.includes(f.status) && guardHolds(t.guard, f) && standsAs(t.by, f, a)
  })
}

/** The state an action leads to from `from` (verify: by its result). */
export function targetStatus(action: Action, from: Status, result?: 'pass' | 'fail'): Status {
  const to: Transition['to'] = TRANSITIONS[action].to
  if (to === 'same') return from
  if (typeof to === 'string') return to
  return to[result ?? 'pass']
}

/** One level up (督办): village → town → county → city; null at the top. */
export function levelAbove(level: Level | null): Level | null {
  const i = LEVELS.indexOf(level ?? 'town')
  return i < LEVELS.length - 1 ? LEVELS[i + 1] : null
}
