import { configure, render, screen, within } from '@testing-library/react'
import { demoIdNumber } from '../../../../../server/demo-id'
import { TINY_PDF } from '../../../../../test/support/files'
import { validProfile } from '../../../../../test/support/profiles'
import { resetTaroStub, setRouterParams } from '../../../../../test/support/taro-stub'
import { api, newRequestId } from '../../../../api/client'
import { getToken } from '../../../../api/token'
import { signInDemo } from '../../../../store/session'
import EvidencePage from './index'

configure({ asyncUtilTimeout: 3000 })

beforeEach(() => resetTaroStub())

/** A fresh 美团 rider in 南通崇川 (covered by the pilot) with a claim reported just now. */
async function riderWithClaim(seq: number) {
  const openid = `cmp-ins-evidence-${seq}-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(seq, { realName: '骆材料', idNumber: demoIdNumber('320613', '1992-04-04', seq), mobile: `1370000${String(seq).padStart(4, '0')}` }))
  // Signed in again: the session now carries the finished profile.
  await signInDemo(openid)
  const claim = await api.insurance.report(
    { schemeKey: 'jiangsu-pilot', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), place: { text: '工农路和青年路路口' }, what: '送餐路上被电动车撞倒', bodyPart: 'leg' },
    { requestId: newRequestId() },
  )
  return claim
}

async function uploadPdf(name: string): Promise<string> {
  const up = await fetch(`${NUANXIN_API_BASE}/api/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${getToken()}`, 'x-file-name': encodeURIComponent(name) },
    body: TINY_PDF,
  })
  return ((await up.json()) as { data: { fileId: string } }).data.fileId
}

test('the checklist says what has arrived and what is still needed, item by item; a claim in time does not list the deadlines it met', async () => {
  const claim = await riderWithClaim(41)
  await api.insurance.addEvidence({ applicationId: claim.id, item: 'diagnosis', attachments: [await uploadPdf('诊断证明.pdf')] }, { requestId: newRequestId() })
  setRouterParams({ id: claim.id })
  render(<EvidencePage />)
  expect(await screen.findByText('✓ 已报案，期限赶上了')).toBeTruthy()
  expect(screen.queryByText(/最晚/)).toBeNull()
  // Four items are needed in time (no late note); one has arrived.
  expect(screen.getByText('还差 3 项材料，不用一次交齐，越早交越快办。')).toBeTruthy()
  const diagnosis = screen.getByRole('group', { name: '诊断证明' })
  expect(within(diagnosis).getByText('✓ 已收到：诊断证明')).toBeTruthy()
  expect(within(diagnosis).getByText('已交 1 个文件，还可以再补')).toBeTruthy()
  const scene = screen.getByRole('group', { name: '现场照片或视频' })
  expect(within(scene).getByText('还需要：现场照片或视频')).toBeTruthy()
  expect(within(scene).getByText('受伤的地方、车、伤口，拍清楚就行')).toBeTruthy()
  expect(screen.queryByText(/逾期说明/)).toBeNull()
})

test("another worker's claim is not found, and a decided claim's checklist is read only", async () => {
  const claim = await riderWithClaim(42)
  await api.application.withdraw({ id: claim.id }, { requestId: newRequestId() })
  setRouterParams({ id: claim.id })
  const mine = render(<EvidencePage />)
  expect(await screen.findByText('这份理赔已经有结果了')).toBeTruthy()
  expect(screen.queryByText('拍照或选文件')).toBeNull()
  mine.unmount()

  await signInDemo('demo-rider')
  setRouterParams({ id: claim.id })
  render(<EvidencePage />)
  expect(await screen.findByText(/没有找到/)).toBeTruthy()
  expect(screen.queryByText('理赔材料')).toBeTruthy()
  expect(screen.queryByText(/工农路/)).toBeNull()
})
