/**
 * `npm start`: the whole app on 127.0.0.1 — H5 build, the cloud functions over HTTP, the embedded database with
 * demo data. Local only: it refuses to run as production, where WeChat and CloudBase provide identity and data.
 */
import { join, resolve } from 'node:path'
import pino from 'pino'
import { buildApp } from './app'
import { ensureH5Build } from './h5-build'
import { openLocalRuntime } from './local-runtime'
import { seedDemoData } from './seed'
import { startScheduler } from './scheduler'

const root = resolve(__dirname, '..')

async function start() {
  if (process.env.NODE_ENV === 'production' || process.env.NUANXIN_STAGE === 'production') {
    console.error('本地服务器仅用于开发和演示，不能在生产环境运行（生产环境使用微信登录和云开发）。')
    process.exit(1)
  }
  const logger = pino({ base: undefined })
  const dataDir = resolve(process.env.NUANXIN_DATA_DIR ?? join(root, '.data'))
  const port = Number(process.env.PORT ?? 8787)
  const h5Dir = process.env.NUANXIN_SKIP_H5 ? undefined : await ensureH5Build(root)

  const { runtime, close } = openLocalRuntime({ dataDir, log: (line) => logger.info(line, 'call') })
  if (await seedDemoData(runtime)) console.log('已写入演示数据（9 位演示用户）')
  const app = await buildApp({ runtime, h5Dir })
  // The bound address, not the requested port: PORT=0 asks the system for a free one.
  const address = await app.listen({ host: '127.0.0.1', port })
  console.log(`暖新本地服务已启动：${address}/  （数据目录 ${dataDir}）`)

  const timer = startScheduler(runtime)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`收到 ${signal}，正在安全关闭…`)
    // Finish in-flight requests first, then close SQLite so no write is cut in half.
    clearInterval(timer)
    await app.close()
    close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

void start().catch((e) => {
  console.error(e)
  process.exit(1)
})
