/**
 * Runs a real local server (seeded, fresh data folder) in its own process and prints `READY <url>` — for test
 * projects whose environment (jsdom) cannot host fastify and SQLite inside the test sandbox.
 */
import { startTestServer } from './server'

void startTestServer({ seed: true }).then((s) => {
  // Benchmarks ask for silence: the per-call log lines would otherwise accumulate in memory for the whole run.
  if (process.env.NUANXIN_QUIET) s.runtime.log = () => undefined
  process.stdout.write(`READY ${s.url}\n`)
  const stop = () => void s.close().then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
})
