import type { Runtime } from '../cloudfunctions/shared/core/context'
import { logFailure } from '../cloudfunctions/shared/core/error-log'
import { FUNCTIONS } from '../cloudfunctions/shared/functions'

/** How often the local server runs the functions' scheduled work (CloudBase: the timer triggers in config.json). */
const EVERY_MS = 5 * 60 * 1000

export async function runScheduledOnce(rt: Runtime): Promise<void> {
  for (const mod of Object.values(FUNCTIONS)) {
    try {
      await mod.scheduled?.(rt)
    } catch (e) {
      logFailure(`scheduler: ${mod.name}`, e)
    }
  }
}

/** Once at start (catching up on time the server was off), then every five minutes. */
export function startScheduler(rt: Runtime): NodeJS.Timeout {
  void runScheduledOnce(rt)
  return setInterval(() => void runScheduledOnce(rt), EVERY_MS)
}
