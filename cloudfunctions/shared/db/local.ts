import { readFileSync } from 'node:fs'
import tcb, { type CloudBase, type ICloudBaseDBConfig } from '@cloudbase/node-sdk'
import { EmbeddedEngine, type EngineOptions } from './embedded/engine'
import { ENGINE_CONFIG_KEY, installRequester } from './embedded/requester'
import { parseIndexFile, type IndexFile } from './index-spec'
import declaredIndexes from './indexes.json'

/**
 * The local database: the real @cloudbase/node-sdk database object over the embedded engine. For the local
 * server and tests only — it loads SQLite and mingo, so nothing a deployed function bundles may import it.
 */
export type Database = ReturnType<CloudBase['database']>

export interface LocalDatabaseOptions extends Omit<EngineOptions, 'file' | 'indexes'> {
  /** SQLite file, or ':memory:'. */
  file: string
  /** An index file to use instead of the declared indexes.json. */
  indexesFile?: string
}

export interface LocalDatabase {
  db: Database
  engine: EmbeddedEngine
  close(): void
}

export function openLocalDatabase({ file, indexesFile, ...options }: LocalDatabaseOptions): LocalDatabase {
  const indexes: IndexFile = parseIndexFile(indexesFile ? JSON.parse(readFileSync(indexesFile, 'utf8')) : declaredIndexes)
  const engine = new EmbeddedEngine({ ...options, file, indexes })
  // A local database never reaches CloudBase. Without this, tcb.init() probes Tencent's metadata host (a DNS
  // lookup to an outside name at every start, and a ~5 s hang offline); TENCENTCLOUD=true short-circuits it.
  process.env.TENCENTCLOUD ??= 'true'
  const app = tcb.init({ env: 'local', secretId: 'local', secretKey: 'local' })
  const db = app.database({ [ENGINE_CONFIG_KEY]: engine } as ICloudBaseDBConfig)
  installRequester()
  return { db, engine, close: () => engine.close() }
}
