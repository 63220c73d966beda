/**
 * Writes types/regions.generated.ts: Jiangsu's 13 prefecture-level cities and their districts, taken from the
 * administrative-division package @vant/area-data (GB/T 2260 codes). Run `npm run gen:regions` after upgrading it;
 * a test fails when the generated file and the package disagree.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderRegions } from './regions-source'

const target = join(__dirname, '..', 'types', 'regions.generated.ts')
writeFileSync(target, renderRegions())
console.log(`wrote ${target}`)
