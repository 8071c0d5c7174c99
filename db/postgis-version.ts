// PostGIS is the one hard requirement of the server engine; this check turns its absence into a
// sentence that says what to install.
import type { Queryable } from './database.ts'

const MIN_POSTGIS = [3, 3] // ST_TileEnvelope margins, ST_AsMVT with feature ids

export class PostgisMissingError extends Error {}

/** Before migrations: PostGIS must be installable on the server, and recent enough. */
export async function checkPostgisAvailable(db: Queryable): Promise<void> {
  const { rows } = await db.query<{ default_version: string | null; installed_version: string | null }>(
    `SELECT default_version, installed_version FROM pg_available_extensions WHERE name = 'postgis'`,
  )
  const row = rows[0]
  if (!row) {
    throw new PostgisMissingError(
      'PostGIS is not installed on this PostgreSQL server: install it (Debian/Ubuntu: ' +
        '`apt-get install postgresql-15-postgis-3`, or use the postgis/postgis Docker image), ' +
        'then start wangge again.',
    )
  }
  const version = row.installed_version ?? row.default_version ?? '0'
  if (compareVersions(version, MIN_POSTGIS) < 0) {
    throw new PostgisMissingError(
      `PostGIS ${version} is too old: wangge needs PostGIS ${MIN_POSTGIS.join('.')} or newer ` +
        '(ALTER EXTENSION postgis UPDATE after installing a newer package).',
    )
  }
}

/** After migrations: the library version actually loaded, e.g. "3.3.8". */
export async function readPostgisVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ v: string }>(`SELECT postgis_lib_version() AS v`)
  return rows[0].v
}

export function compareVersions(version: string, min: number[]): number {
  const parts = version.split(/[.\s-]/).map((p) => Number.parseInt(p, 10))
  for (let i = 0; i < min.length; i++) {
    const d = (parts[i] || 0) - min[i]
    if (d !== 0) return d
  }
  return 0
}
