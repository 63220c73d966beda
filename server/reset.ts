/** `npm run reset`: wipe the local data folder (database, generated key). Demo data returns on next start. */
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const dataDir = resolve(process.env.NUANXIN_DATA_DIR ?? join(__dirname, '..', '.data'))
rmSync(dataDir, { recursive: true, force: true })
console.log(`已清空本地数据：${dataDir}`)
