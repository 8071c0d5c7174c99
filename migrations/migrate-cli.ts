// `npm run migrate`: opening the database applies the missing migrations; this prints the result.
import { databaseConfigFromEnv, openDatabase } from '../db/open-database.ts'

const config = databaseConfigFromEnv()
const db = await openDatabase(config)
const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY version')
console.log(`${db.kind} database migrated (PostGIS ${db.postgisVersion}): ${rows.map((r) => r.name).join(', ')}`)
await db.close()
