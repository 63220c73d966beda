import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'

/** Newest modification time under a folder (skipping tests): tells whether the H5 build is stale. */
function newest(dir: string): number {
  let max = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) max = Math.max(max, newest(p))
    else if (!entry.name.includes('.test.')) max = Math.max(max, statSync(p).mtimeMs)
  }
  return max
}

/**
 * Builds the H5 app when dist/h5 is missing or older than src/ or types/, so `npm start` on a fresh clone
 * just works (≈ 25 s the first time, cached after).
 */
export async function ensureH5Build(root: string): Promise<string> {
  const out = join(root, 'dist', 'h5')
  const index = join(out, 'index.html')
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'types')), newest(join(root, 'config')))
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    console.log('正在构建 H5 页面（首次约半分钟）…')
    const res = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
    if (res.status !== 0) throw new Error('H5 build failed')
    // webpack may leave an unchanged index.html untouched: mark the build fresh so it is not redone every start.
    const now = new Date()
    utimesSync(index, now, now)
  }
  return out
}
