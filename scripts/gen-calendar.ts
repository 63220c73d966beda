/**
 * Writes cloudfunctions/shared/workflow/calendar.generated.ts from chinese-days. Run `npm run gen:calendar` after
 * upgrading the package (each December the State Council publishes the next year); a test fails while they differ.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderCalendar } from './calendar-source'

const target = join(__dirname, '..', 'cloudfunctions', 'shared', 'workflow', 'calendar.generated.ts')
writeFileSync(target, renderCalendar())
console.log(`wrote ${target}`)
