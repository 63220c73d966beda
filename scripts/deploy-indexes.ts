/**
 * `npm run deploy:indexes`: creates the collections and indexes declared in cloudfunctions/shared/db/indexes.json
 * on a CloudBase environment — the same file the local engine applies at start. Needs ENV_ID,
 * TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a sub-account key with database admin rights).
 */
import CloudBase from '@cloudbase/manager-node'
import { applyIndexes } from '../cloudfunctions/shared/db/apply-indexes'
import { parseIndexFile } from '../cloudfunctions/shared/db/index-spec'
import declared from '../cloudfunctions/shared/db/indexes.json'

const { ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY } = process.env
if (!ENV_ID || !TENCENTCLOUD_SECRETID || !TENCENTCLOUD_SECRETKEY) {
  console.error('需要 ENV_ID、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY 三个环境变量')
  process.exit(1)
}
const manager = new CloudBase({ envId: ENV_ID, secretId: TENCENTCLOUD_SECRETID, secretKey: TENCENTCLOUD_SECRETKEY })
void applyIndexes(manager.database, parseIndexFile(declared)).then(
  () => console.log(`indexes applied to ${ENV_ID}`),
  (e: Error) => {
    console.error(e.message)
    process.exit(1)
  },
)
