import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CronExpressionParser } from 'cron-parser'
import type { Runtime } from '../cloudfunctions/shared/core/context'
import { logFailure } from '../cloudfunctions/shared/core/error-log'
import { FUNCTIONS } from '../cloudfunctions/shared/functions'

/** How often the local server looks at the timers: CloudBase's finest trigger is a minute. */
const TICK_MS = 60 * 1000

/** A function's timer triggers as deployed (cloudfunctions/<name>/config.json): 7-field cron, seconds first, year last. */
export function triggersOf(name: string, root = join(__dirname, '..', 'cloudfunctions')): string[] {
  try {
    const config = JSON.parse(readFileSync(join(root, name, 'config.json'), 'utf8')) as { triggers?: { type: string; config: string }[] }
    return (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => t.config)
  } catch {
    return []
  }
}

/**
 * Whether a CloudBase cron fires in (from, to]. Its year field is dropped (cron-parser reads six fields); times are
 * China's, as CloudBase's timers are.
 */
export function firesBetween(cron: string, from: Date, to: Date): boolean {
  const fields = cron.trim().split(/\s+/)
  const expr = CronExpressionParser.parse(fields.slice(0, 6).join(' '), { currentDate: from, tz: 'Asia/Shanghai' })
  return expr.next().toDate().getTime() <= to.getTime()
}

async function run(rt: Runtime, name: string): Promise<void> {
  try {
    await FUNCTIONS[name as keyof typeof FUNCTIONS].scheduled?.(rt)
  } catch (e) {
    logFailure(`scheduler: ${name}`, e)
  }
}

/** Every function's scheduled work, once (at start: catching up on time the server was off). */
export async function runScheduledOnce(rt: Runtime): Promise<void> {
  for (const name of Object.keys(FUNCTIONS)) await run(rt, name)
}

/** Once at start, then each function's work whenever one of its own timers fires — as CloudBase runs them. */
export function startScheduler(rt: Runtime): NodeJS.Timeout {
  void runScheduledOnce(rt)
  const timers = Object.keys(FUNCTIONS).map((name) => ({ name, crons: triggersOf(name) }))
  let last = rt.now()
  return setInterval(() => {
    const now = rt.now()
    for (const { name, crons } of timers) if (crons.some((c) => firesBetween(c, last, now))) void run(rt, name)
    last = now
  }, TICK_MS)
}
