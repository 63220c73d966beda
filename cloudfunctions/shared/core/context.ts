import type { Db } from '@cloudbase/database'
import type { Vault } from '../security/vault'
import type { FileStore } from '../storage/file-store'
import type { PushService } from '../notify/push'
import type { LogSink } from './log'

/** The node-sdk database object (`app.database()`), real in both places; only its transport differs. */
export type Database = Db

/** Where the code runs. Sandboxes (dev login, demo payment) exist only in `local`. */
export type Stage = 'local' | 'production'

/** Everything a service may touch that is not pure logic. Built once per process by the entry point. */
export interface Runtime {
  stage: Stage
  db: Database
  vault: Vault
  log: LogSink
  /** Injected so tests can move time; services never call `new Date()` themselves. */
  now(): Date
  /** Attachment bytes: a folder locally, cloud storage on CloudBase. Absent → uploads answer NOT_AVAILABLE. */
  files?: FileStore
  /** WeChat subscribe messages on CloudBase, the labelled sandbox locally. Absent → notices are skipped (the inbox stays). */
  push?: PushService
  /** OPENIDs made admin at sign-in (env NUANXIN_ADMIN_OPENIDS): how a fresh deployment gets its first admin. */
  bootstrapAdmins: ReadonlySet<string>
}

/** `NUANXIN_ADMIN_OPENIDS=oA,oB` → the set; unset → empty. */
export function adminOpenidsFrom(env: NodeJS.ProcessEnv): ReadonlySet<string> {
  return new Set((env.NUANXIN_ADMIN_OPENIDS ?? '').split(',').map((s) => s.trim()).filter(Boolean))
}

/** Who is calling, established by the platform (CloudBase context) or the local session — never the request body. */
export interface Caller {
  openid: string | null
}

/** The SDK types `runTransaction`'s callback as any; this names what it really receives. */
export type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index'
