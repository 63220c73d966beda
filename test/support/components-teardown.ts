export default async function teardown(): Promise<void> {
  const child = globalThis.__NUANXIN_SERVER__
  if (!child) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
