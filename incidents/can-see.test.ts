// canSee must agree with scopePredicate over INCIDENT_SCOPE; each row is one kind of jurisdiction
// on one side of its boundary.
import { describe, expect, it } from 'vitest'
import { canSee, type IncidentChange } from './can-see.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'

const EVENT: IncidentChange = {
  id: '7d0f5c1e-0000-4000-8000-000000000001',
  op: 'insert',
  status: 'reported',
  categoryCode: '0101',
  villageCode: '320612001001',
  stationCode: '320612510100',
  departmentCode: 'citymgmt',
  gridCode: '320612001001001',
  location: [120.605, 31.905],
  reportedAt: '2026-12-03T01:30:00.000Z',
}
const OUTSIDE: IncidentChange = { ...EVENT, villageCode: null, stationCode: null, gridCode: null } // outside every grid

const j = (kind: Jurisdiction['kind'], codes: string[], areaPrefixes: string[] = []): Jurisdiction => ({ kind, codes, areaPrefixes })

describe('canSee', () => {
  it.each<[string, boolean, Jurisdiction, IncidentChange]>([
    ['everything: an incident in a village', true, j('all', [], ['']), EVENT],
    ['everything: an incident outside every grid', true, j('all', [], ['']), OUTSIDE],
    ['nothing (an anonymous caller)', false, j('none', [], []), EVENT],
    ['its county', true, j('admin_unit', ['320612000000'], ['320612']), EVENT],
    ['its town', true, j('admin_unit', ['320612001000'], ['320612001']), EVENT],
    ['its village', true, j('admin_unit', ['320612001001'], ['320612001001']), EVENT],
    ['a neighbouring village', false, j('admin_unit', ['320612001002'], ['320612001002']), EVENT],
    ['another county', false, j('admin_unit', ['320623000000'], ['320623']), EVENT],
    ['one of two counties', true, j('admin_unit', ['320623000000', '320612000000'], ['320623', '320612']), EVENT],
    ['the city as an admin unit', true, j('admin_unit', ['320600000000'], ['3206']), EVENT],
    ['the city as an admin unit, outside every grid', false, j('admin_unit', ['320600000000'], ['3206']), OUTSIDE],
    ['an area prefix of everything, outside every grid', true, j('admin_unit', [], ['']), OUTSIDE],
    ['a county: no village', false, j('admin_unit', ['320612000000'], ['320612']), OUTSIDE],
    ['its station', true, j('station', ['320612510100'], ['320612']), EVENT],
    ['another station in the same county', false, j('station', ['320612510200'], ['320612']), EVENT],
    ['a station: no station holds it', false, j('station', ['320612510100'], ['320612']), OUTSIDE],
    ['its department', true, j('department', ['citymgmt'], ['']), EVENT],
    ['another department', false, j('department', ['police110'], ['']), EVENT],
    ['its grid', true, j('grids', ['320612001001001'], ['320612001001']), EVENT],
    ['another grid of the same village', false, j('grids', ['320612001001002'], ['320612001001']), EVENT],
    ['a grid worker: outside every grid', false, j('grids', ['320612001001001'], ['320612001001']), OUTSIDE],
  ])('a viewer of %s sees it: %s', (_, expected, jurisdiction, event) => {
    expect(canSee(jurisdiction, event)).toBe(expected)
  })
})
