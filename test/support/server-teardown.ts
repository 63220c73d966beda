export default async function stopSharedServer(): Promise<void> {
  const child = globalThis.__NUANXIN_SERVER__
  globalThis.__NUANXIN_SERVER__ = undefined
  if (!child || child.exitCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
