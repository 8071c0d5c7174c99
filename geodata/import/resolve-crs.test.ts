import { describe, expect, it } from 'vitest'
import { resolveCrs, type ResolvedCrs } from './resolve-crs.ts'

const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
const CGCS2000_PRJ = 'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]'
const XIAN80_PRJ = 'GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
const UTM51N_PRJ = 'PROJCS["WGS_1984_UTM_Zone_51N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",123.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
const GK_WKT2 = 'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 120E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]]],CONVERSION["3-degree Gauss-Kruger CM 120E",METHOD["Transverse Mercator"],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433]],PARAMETER["Longitude of natural origin",120,ANGLEUNIT["degree",0.0174532925199433]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1]],PARAMETER["False northing",0,LENGTHUNIT["metre",1]]],CS[Cartesian,2],LENGTHUNIT["metre",1]]'

function resolved(flag: Parameters<typeof resolveCrs>[0], prj?: string): ResolvedCrs {
  const r = resolveCrs(flag, prj)
  if ('error' in r) throw new Error(r.error)
  return r
}

describe('resolveCrs', () => {
  it('refuses to guess when there is neither --crs nor a .prj', () => {
    expect(resolveCrs(undefined, undefined)).toEqual({ error: expect.stringContaining('give --crs') })
  })

  it('takes --crs alone, converting GCJ-02 to WGS-84', () => {
    const r = resolved('GCJ02')
    expect(r.crs).toBe('GCJ02')
    expect(r.toWgs84([120.9043, 31.9979])[0]).toBeCloseTo(120.9, 2)
  })

  it('reads a geographic .prj as WGS84 or CGCS2000 by its datum', () => {
    expect(resolved(undefined, WGS84_PRJ).crs).toBe('WGS84')
    expect(resolved(undefined, CGCS2000_PRJ).crs).toBe('CGCS2000')
    expect(resolved('CGCS2000', CGCS2000_PRJ).toWgs84([120.9, 32])).toEqual([120.9, 32])
  })

  it('rejects a --crs that disagrees with the .prj', () => {
    expect(resolveCrs('GCJ02', WGS84_PRJ)).toEqual({ error: expect.stringContaining('--crs GCJ02 disagrees with the .prj') })
  })

  it('rejects datums that need a seven-parameter transformation', () => {
    expect(resolveCrs(undefined, XIAN80_PRJ)).toEqual({ error: expect.stringContaining('"D_Xian_1980" is not supported') })
  })

  it('unprojects UTM and WKT2 Gauss-Kruger coordinates to lon/lat', () => {
    const utm = resolved(undefined, UTM51N_PRJ)
    expect(utm.projection).toBe('WGS_1984_UTM_Zone_51N')
    const [lon, lat] = utm.toWgs84([329_968.02, 3_541_851.32])
    expect(lon).toBeCloseTo(121.2, 5)
    expect(lat).toBeCloseTo(32, 5)
    const gk = resolved(undefined, GK_WKT2)
    expect(gk.crs).toBe('CGCS2000')
    expect(gk.toWgs84([500_000, 3_540_000])[0]).toBeCloseTo(120, 9)
  })
})
