// GET /api/incidents/heat for the desk's time domain, at the cell size of the zoom, as HeatData.
import { api } from './api-client.ts'
import { toHeatData, type HeatResponse, type HeatData } from './heat-data.ts'

export async function fetchHeat(q: { from: number; to: number; category: string; status: string; cellMetres: number }): Promise<HeatData> {
  const params = new URLSearchParams({ from: new Date(q.from).toISOString(), to: new Date(q.to).toISOString(), bucket: 'hour', cell: String(q.cellMetres) })
  if (q.to - q.from > 8 * 86_400_000) params.set('bucket', 'day')
  if (q.category) params.set('category', q.category)
  if (q.status) params.set('status', q.status)
  return toHeatData(await api<HeatResponse>(`/api/incidents/heat?${params}`), q.cellMetres)
}
