import { PRIVACY_GUIDE } from '../../types/privacy'
import type { ApplicationView, ReviewView } from '~types/application.schema'
import type { RedemptionView, StaffRewardView } from '~types/volunteer-mall.schema'
import { demoIdNumber } from '../../server/demo-id'
import { tinyPng } from '../support/files'
import { callAs } from './call'
import { loadPage } from './load-page'

/**
 * 我的兑换 in the weapp build, as WeChat's wcc renders it: a fresh rider earns 100 points (a 随手拍 handled as a
 * public-security lead), redeems a 100-point reward, and the page shows the code in large digits and as a QR image
 * whose source is the GIF data URL — the <image> the mini-program draws, with no canvas.
 */
const base = () => process.env.NUANXIN_TEST_API!

test('a code to show at the pickup place: large digits, a QR image, and when and where to collect it', async () => {
  const openid = `weapp-mall-${Date.now().toString(36)}`
  await callAs(openid, 'user', 'saveProfile', {
    realName: '吴晓东', idNumber: demoIdNumber('320613', '1993-05-05', 71), mobile: '13900000071', occupation: '外卖配送员', platform: '饿了么', districtCode: '320613',
    consents: { privacyVersion: PRIVACY_GUIDE.version, sensitive: true },
  })
  const login = (await (await fetch(`${base()}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { data: { token: string } }
  const photo = (await (await fetch(`${base()}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${login.data.token}`, 'content-type': 'image/png', 'x-file-name': 'wire.png' }, body: tinyPng() })).json()) as { data: { fileId: string } }
  const filed = await callAs<ApplicationView>(openid, 'volunteer', 'report', {
    category: 'hazard', photos: [photo.data.fileId], district: '320613', place: { text: '工农路和青年路路口', longitude: 120.8961, latitude: 31.9815 },
  })
  const seen = await callAs<ReviewView>('demo-staff-nantong', 'application', 'startReview', { id: filed.id, version: filed.version })
  await callAs('demo-staff-nantong', 'application', 'approve', { id: filed.id, version: seen.version, details: { grade: 'securityLead', reply: '派出所已到场处理' } })
  const reward = await callAs<StaffRewardView>('demo-staff-nantong', 'volunteer', 'saveReward', {
    district: '320613', name: '矿泉水一箱', cost: 100, stock: 40, pickupPlace: '崇川区和平桥暖心驿站（工农路 18 号）', pickupHours: '每天 9:00–21:00', limitPerPerson: 1, validUntil: '2099-12-31',
  })
  const got = await callAs<RedemptionView>(openid, 'volunteer', 'redeem', { rewardId: reward.id })

  const page = await loadPage('packages/volunteer/pages/redemptions/index', { id: got.id }, { openid })
  await page.waitForText('矿泉水一箱')
  const text = page.text()
  expect(text).toContain(`${got.code.slice(0, 4)} ${got.code.slice(4)}`)
  expect(text).toContain('待领取')
  expect(text).toMatch(/请在 \d+月\d+日（\d\d:\d\d）前到崇川区和平桥暖心驿站（工农路 18 号）领取，每天 9:00–21:00/)
  // The image element is there; miniprogram-simulate's stand-in <image> keeps no `src`, so the source is read from
  // the page data Taro's runtime set on it — what WeChat's own <image> would receive.
  expect(page.dom.querySelector('.comp--mall-qr')).not.toBeNull()
  const data = JSON.stringify((globalThis as unknown as { getCurrentPages(): { data: unknown }[] }).getCurrentPages().at(-1)!.data)
  expect(data).toMatch(/"data:image\/gif;base64,R0lGOD[A-Za-z0-9+/=]+"/)
  page.unload()
})
