// Types for vt-pbf (it ships none): the part of its API tiles/encode-tile.ts uses.
declare module 'vt-pbf' {
  export interface TileFeature {
    id?: number
    /** 1 point, 2 line, 3 polygon */
    type: 1 | 2 | 3
    /** Points: [[x, y], …]; lines and polygons: rings of [x, y] (polygon rings closed). */
    geometry: number[][] | number[][][]
    tags: Record<string, string | number | boolean | null>
  }
  export function fromGeojsonVt(
    layers: Record<string, { features: TileFeature[] }>,
    options?: { version?: number; extent?: number },
  ): Uint8Array
}
