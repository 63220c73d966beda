import { callAs } from './call'
import { loadPage } from './load-page'

/**
 * 附近驿站 from the weapp build: the consent is asked on the page (reason first), and until the rider agrees the list
 * is their profile's district — open ones first, open-now and the services in words — each row opening its card.
 */
const stamp = Date.now().toString(36).slice(-4)
const week = (t: string) => Array(7).fill(t)

test('the nearby list in the weapp: the reason before any location, 周小勇’s district, open now and services in words, a row opens its card', async () => {
  const open = await callAs<{ id: string; name: string }>('demo-staff-nantong', 'station', 'save', {
    name: `阿福小程序驿站${stamp}`, type: 'bee', district: '320613', address: '崇川区青年中路 66 号', longitude: 120.8712, latitude: 32.0144,
    hours: week('24小时'), services: ['rest', 'water', 'meal', 'charge'],
  })
  const shut = await callAs<{ id: string; name: string }>('demo-staff-nantong', 'station', 'save', {
    name: `小程序停业驿站${stamp}`, type: 'heart', district: '320613', address: '崇川区青年中路 68 号', longitude: 120.8713, latitude: 32.0145,
    hours: week('休息'), services: ['toilet'],
  })

  const page = await loadPage('packages/station/pages/nearby/index', {}, { openid: 'demo-rider' })
  await page.waitForText('用您现在的位置找最近的驿站？')
  expect(page.text()).toContain('位置只用来算您离每个驿站有多远')
  // Signed in through the platform: 周小勇's 崇川, by district until he agrees. (Named to sort first: a district's
  // list is open ones by name, and the demo seed may fill 崇川 with more than one answer holds.)
  await page.waitForText('区县：南通市 崇川区')
  await page.waitForText(open.name)
  const text = page.text()
  expect(text).toContain('营业中的在前（没有位置，不能按远近排）')
  expect(text).toMatch(new RegExp(`${open.name}\\s*✓ 24 小时营业\\s*小蜜蜂驿站 · 崇川区青年中路 66 号\\s*休息\\s*饮水\\s*热饭\\s*充电/换电`))
  // Open ones first: the closed one, if the list reaches it, comes after and says so.
  if (text.includes(shut.name)) {
    expect(text.indexOf(shut.name)).toBeGreaterThan(text.indexOf(open.name))
    expect(text).toMatch(new RegExp(`${shut.name}\\s*× 暂不营业`))
  }
  // The filters are chips in words.
  expect(text).toContain('只看')
  expect(text).toContain('营业中')
  expect(text).toContain('24 小时')

  // Declining keeps the list and drops the question.
  await page.tap('.action-button', 1)
  await page.waitForText('改用我的位置')
  expect(page.text()).not.toContain('用您现在的位置找最近的驿站？')

  // A row is its card; the switch goes to the map.
  const rows = [...page.dom.querySelectorAll('*')].filter((el) => [...el.classList].some((c) => c === 'st-row' || c.endsWith('--st-row')))
  const index = rows.findIndex((r) => (r.textContent ?? '').includes(open.name))
  expect(index).toBeGreaterThanOrEqual(0)
  await page.tap('.st-row', index)
  expect(page.navigations).toContainEqual({ api: 'navigateTo', url: `/packages/station/pages/detail/index?id=${encodeURIComponent(open.id)}` })
  await page.tap('.st-switch__tab', 1)
  expect(page.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/station/pages/map/index' })
  page.unload()
})

test('a station’s card in the weapp: open now in words, address, hours per weekday with today marked, 导航 and 信息有误', async () => {
  const s = await callAs<{ id: string; name: string }>('demo-staff-nantong', 'station', 'save', {
    name: `小程序详情驿站${stamp}`, type: 'driver', district: '320613', address: '崇川区通京大道 9 号', longitude: 120.9012, latitude: 32.0311,
    phone: '0513-85129999', hours: week('24小时'), holidayNote: '春节照常开放', services: ['truckParking', 'shower', 'laundry'],
  })
  const page = await loadPage('packages/station/pages/detail/index', { id: s.id })
  await page.waitForText(s.name)
  const text = page.text()
  expect(text).toContain('司机之家 · 南通市 崇川区')
  expect(text).toContain('✓ 24 小时营业')
  expect(text).toContain('崇川区通京大道 9 号')
  expect(text).toMatch(/周[一二三四五六日]（今天）\s*24 小时/)
  expect(text).toContain('春节照常开放')
  expect(text).toMatch(/货车停车\s*淋浴\s*洗衣/)
  expect(text).toMatch(/最后核实：\d{4}年\d{1,2}月\d{1,2}日/)
  expect(text).toContain('打电话 0513-85129999')
  // 导航 hands WeChat's map the place and its words (the sandbox's wx is the object Taro calls into).
  const opened: object[] = []
  Object.assign((globalThis as unknown as { wx: object }).wx, { openLocation: (o: { success?: (r: object) => void }) => (opened.push(o), o.success?.({ errMsg: 'openLocation:ok' })) })
  await page.tap('.action-button', 0)
  expect(opened).toEqual([expect.objectContaining({ latitude: 32.0311, longitude: 120.9012, name: s.name, address: '崇川区通京大道 9 号', scale: 17 })])
  const buttons = [...page.dom.querySelectorAll('*')].filter((el) => [...el.classList].some((c) => c === 'action-button' || c.endsWith('--action-button')))
  const report = buttons.findIndex((b) => (b.textContent ?? '').trim() === '信息有误')
  await page.tap('.action-button', report)
  expect(page.navigations).toContainEqual({ api: 'navigateTo', url: `/packages/station/pages/correct/index?id=${encodeURIComponent(s.id)}&name=${encodeURIComponent(s.name)}` })
  page.unload()
})

test('with consent in the weapp: WeChat’s GCJ-02 position as it is, the nearest first with its distance in words', async () => {
  // A quiet spot no other test uses (the weapp and component tests share one server).
  const here = { longitude: 120.3001, latitude: 33.5002 }
  const near = await callAs<{ id: string; name: string }>('demo-staff-nantong', 'station', 'save', {
    name: `小程序附近驿站${stamp}`, type: 'heart', district: '320613', address: '崇川区测试路 2 号', longitude: here.longitude, latitude: here.latitude + 200 / 111_195,
    hours: week('24小时'), services: ['water', 'charge'],
  })
  const page = await loadPage('packages/station/pages/nearby/index', {}, { openid: 'demo-rider' })
  await page.waitForText('用您现在的位置找最近的驿站？')
  const asked: { type?: string }[] = []
  Object.assign((globalThis as unknown as { wx: object }).wx, {
    getLocation: (o: { type?: string; success?: (r: object) => void }) => (asked.push({ type: o.type }), o.success?.({ ...here, accuracy: 20, errMsg: 'getLocation:ok' })),
  })
  await page.tap('.action-button', 0)
  await page.waitForText('按您现在的位置')
  await page.waitForText('由近到远')
  expect(asked).toEqual([{ type: 'gcj02' }])
  expect(page.text()).toMatch(new RegExp(`1\\s*${near.name}\\s*200 米\\s*✓ 24 小时营业`))
  expect(page.text()).toMatch(/离您最近的 \d+ 个，由近到远/)
  page.unload()
})
