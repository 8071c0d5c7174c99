// The optional online raster basemap under the style, from the environment:
//   BASEMAP_TILES        an XYZ URL template in Web Mercator on the WGS-84 datum, e.g.
//                        https://tile.openstreetmap.org/{z}/{x}/{y}.png or Tianditu's *_w layers
//   BASEMAP_ATTRIBUTION  the provider's credit line
// Chinese commercial maps (Amap/GaoDe, Tencent) draw in GCJ-02 and Baidu in BD-09: our WGS-84
// boundaries would sit 300–600 m off their streets, so their tile hosts are refused.
const OFFSET_HOSTS = /(^|\.)(autonavi\.com|amap\.com|gtimg\.com|map\.qq\.com|bdimg\.com|map\.baidu\.com)$/i

export interface Basemap {
  tiles: string
  attribution: string
}

export function basemapFromEnv(env: Record<string, string | undefined>): Basemap | null {
  const tiles = env.BASEMAP_TILES?.trim()
  if (!tiles) return null
  let host: string
  try {
    host = new URL(tiles.replace(/\{[a-z]+\}/g, '0')).hostname
  } catch {
    throw new Error(`BASEMAP_TILES is not a URL: ${tiles}`)
  }
  if (!/\{z\}/.test(tiles) || !/\{x\}/.test(tiles) || !/\{y\}/.test(tiles)) {
    throw new Error('BASEMAP_TILES must be an XYZ template with {z}, {x} and {y}.')
  }
  if (OFFSET_HOSTS.test(host)) {
    throw new Error(`BASEMAP_TILES points at ${host}, whose tiles are in GCJ-02/BD-09 and would sit hundreds of metres off our WGS-84 data: use WGS-84 Web Mercator tiles (OpenStreetMap, Tianditu *_w).`)
  }
  return { tiles, attribution: env.BASEMAP_ATTRIBUTION?.trim() || host }
}
