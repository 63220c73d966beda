import type { ApplicationView, ReviewView } from '~types/application.schema'
import type { NoticeView } from '~types/notice.schema'
import { okData, WAGES_REQUEST } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'

/** Every step the applicant is told of also makes a WeChat notice; locally it is the sandbox, readable by its owner only. */
let s: TestServer
const t: Record<string, string> = {}
beforeAll(async () => {
  s = await startTestServer({ seed: true })
  for (const who of ['demo-rider', 'demo-courier', 'demo-staff-nantong']) t[who] = await s.login(who)
})
afterAll(() => s.close())

test('submission and each told step leave a sandbox notice; nobody else can read them', async () => {
  const filed = await okData<ApplicationView>(s.call('legalAid', 'submit', WAGES_REQUEST, { token: t['demo-rider'], requestId: 'n1' }))
  const started = await okData<ReviewView>(s.call('application', 'startReview', { id: filed.id, version: 1 }, { token: t['demo-staff-nantong'] }))
  await okData(s.call('application', 'requestMore', { id: filed.id, version: started.version, missing: '请补充排班表照片' }, { token: t['demo-staff-nantong'] }))
  const notices = await okData<NoticeView[]>(s.call('application', 'notices', { id: filed.id }, { token: t['demo-rider'] }))
  // startReview sends no message; submission and the request for materials do — newest first.
  expect(notices.map((n) => [n.fields.phrase2, n.state])).toEqual([['需补充材料', 'sandbox'], ['已提交', 'sandbox']])
  // 20 characters, WeChat's limit for a thing field: the whole case number fits.
  expect(notices[0].fields.thing1).toBe(`法律援助${filed.caseNo}`)
  expect((await s.call('application', 'notices', { id: filed.id }, { token: t['demo-courier'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})
