/**
 * Runs a real local server (seeded, fresh data folder) in its own process and prints `READY <url>` — for test
 * projects whose environment (jsdom) cannot host fastify and SQLite inside the test sandbox.
 */
import { startTestServer } from './server'

void startTestServer({ seed: true }).then((s) => {
  process.stdout.write(`READY ${s.url}\n`)
  const stop = () => void s.close().then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
})
