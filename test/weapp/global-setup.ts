// The weapp tests read dist/weapp. Rebuild it first when it is missing or older than its sources, so a
// plain `npx jest` cannot pass against a stale build (≈ 15 s cold, ≈ 4 s with the webpack cache).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import startSharedServer from '../support/server-global'

const root = join(__dirname, '..', '..')
const SOURCES = ['src', 'types', 'config', 'babel.config.js']

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return path.includes('.test.') ? 0 : stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

export default async function setup(): Promise<void> {
  ensureWeappBuild()
  await startSharedServer()
}

function ensureWeappBuild(): void {
  const built = join(root, 'dist', 'weapp', 'app.js')
  const newestSource = Math.max(...SOURCES.map((p) => newestMtime(join(root, p))))
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource) return
  console.log('\n[weapp tests] dist/weapp is missing or stale: building it…')
  // NODE_ENV=test (set by jest) would switch babel.config.js to its jest presets: build as production.
  const result = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`taro build --type weapp failed:\n${result.stdout}\n${result.stderr}`)
  // webpack skips writing unchanged files, so a source edit that compiles to the same output would leave
  // app.js looking stale forever: mark the build as fresh ourselves.
  const now = new Date()
  utimesSync(built, now, now)
}
