import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { zipSync } from 'fflate'
import { readShapefileZip } from './read-shapefile-zip.ts'
import { readFeatures } from './read-features.ts'

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url))

describe('readFeatures', () => {
  it('decodes a GBK .dbf as its .cpg says and hands back the .prj', async () => {
    const { features, prj } = await readFeatures(fixture('grids-shapefile.zip'))
    expect(features).toHaveLength(3)
    expect(features[0].properties).toMatchObject({ 网格编码: '320612001002001', 网格名称: '新联村第1网格', 户数: 300 })
    expect(prj).toMatch(/^GEOGCS\["GCS_WGS_1984"/)
  })

  it('takes a .dbf without .cpg as UTF-8 when it decodes as UTF-8', async () => {
    const { features, prj } = await readFeatures(fixture('no-prj.zip'))
    expect(features[0].properties).toMatchObject({ NAME: '试验村第1网格' })
    expect(prj).toBeUndefined()
  })

  it('reads KML placemarks with their extended data', async () => {
    const { features } = await readFeatures(fixture('grids.kml'))
    expect(features.map((f) => f.geometry?.type)).toEqual(['Polygon', 'Polygon', 'Polygon'])
    expect(features[0].properties).toMatchObject({ name: '和平社区第1网格', code: '320612001003001', village_code: '320612001003' })
  })

  it('rejects an unknown file type, saying which ones it reads', async () => {
    await expect(readFeatures('grids.gpkg')).rejects.toThrow('grids.gpkg: unknown file type ".gpkg"; give a .geojson, .json, .zip (Shapefile) or .kml file.')
  })

  it('rejects a zip without a .shp, and a .shp without its .dbf', async () => {
    await expect(readShapefileZip(zipSync({ 'readme.txt': new Uint8Array(1) }), 'a.zip')).rejects.toThrow('a.zip holds no .shp file')
    await expect(readShapefileZip(zipSync({ 'x.shp': new Uint8Array(100) }), 'b.zip')).rejects.toThrow('b.zip has x.shp but no .dbf')
  })

  it('rejects a .cpg naming an encoding nobody knows', async () => {
    const zip = zipSync({ 'x.shp': new Uint8Array(100), 'x.dbf': new Uint8Array(33), 'x.cpg': new TextEncoder().encode('EBCDIC-XYZ') })
    await expect(readShapefileZip(zip, 'c.zip')).rejects.toThrow('c.zip: the .cpg names encoding "EBCDIC-XYZ", which is not supported')
  })
})
