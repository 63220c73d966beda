/** One call to a function of the test server as `openid` (the weapp tests' set-up): signed in, a fresh request id. */
export async function callAs<T>(openid: string, fn: string, action: string, data: unknown): Promise<T> {
  const base = process.env.NUANXIN_TEST_API!
  const login = (await (await fetch(`${base}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { data: { token: string } }
  const res = await fetch(`${base}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.token}` },
    body: JSON.stringify({ action, data, requestId: `weapp-${fn}-${action}-${Date.now()}-${Math.random()}` }),
  })
  const env = (await res.json()) as { ok: boolean; data: T; error?: unknown }
  if (!env.ok) throw new Error(JSON.stringify(env.error))
  return env.data
}
