// The browser tests read dist/h5: rebuild it first when it is missing or older than its sources (as `npm start`
// does), so a plain `npx jest` cannot pass or fail against a stale build.
import { join } from 'node:path'
import { ensureH5Build } from '../../server/h5-build'
import { browserExecutable } from '../support/chromium'

// The bundled browser is unpacked here, once, before the test files start in parallel workers.
export default async function setup(): Promise<void> {
  await ensureH5Build(join(__dirname, '..', '..'))
  await browserExecutable()
}
