import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { adminOpenidsFrom, type Runtime } from '../cloudfunctions/shared/core/context'
import type { LogSink } from '../cloudfunctions/shared/core/log'
import { openLocalDatabase } from '../cloudfunctions/shared/db/local'
import { createVault } from '../cloudfunctions/shared/security/vault'
import { localFileStore } from '../cloudfunctions/shared/storage/local-file-store'
import { sandboxPush } from '../cloudfunctions/shared/notify/push'
import { signFilePath } from './file-link'

export interface LocalRuntime {
  runtime: Runtime
  close(): void
}

/**
 * The master key: `NUANXIN_MASTER_KEY` when set, otherwise one generated into the data folder on first start
 * (mode 600). Losing that file makes the stored ID numbers unreadable — which is the point of encrypting them.
 */
function localMasterKey(dataDir: string): Buffer {
  if (process.env.NUANXIN_MASTER_KEY) return Buffer.from(process.env.NUANXIN_MASTER_KEY, 'base64')
  const file = join(dataDir, 'master.key')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 })
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
}

export function openLocalRuntime(opts: { dataDir: string; log: LogSink; now?: () => Date; bootstrapAdmins?: ReadonlySet<string> }): LocalRuntime {
  mkdirSync(opts.dataDir, { recursive: true })
  const { db, close } = openLocalDatabase({ file: join(opts.dataDir, 'nuanxin.sqlite') })
  const vault = createVault(localMasterKey(opts.dataDir))
  const runtime: Runtime = {
    stage: 'local',
    db,
    vault,
    log: opts.log,
    push: sandboxPush,
    files: localFileStore(join(opts.dataDir, 'files'), (key, expiresAt) => signFilePath(vault, key, expiresAt)),
    now: opts.now ?? (() => new Date()),
    bootstrapAdmins: opts.bootstrapAdmins ?? adminOpenidsFrom(process.env),
  }
  return { runtime, close }
}
