import { loadPage } from './load-page'

/** 随手拍 in the weapp build, as WeChat renders it: the categories, the camera first, the map picker, where it goes. */
test('随手拍: five categories, 拍照 and 在地图上选, the district it goes to; sending with nothing says what is missing', async () => {
  const page = await loadPage('packages/volunteer/pages/report/index', {}, { openid: 'demo-rider' })
  await page.waitForText('是什么问题')
  const text = page.text()
  for (const c of ['安全隐患', '社情民意', '市容环境', '交通设施', '其他']) expect(text).toContain(c)
  expect(text).toContain('拍照')
  expect(text).toContain('从相册选')
  // WeChat's own map picker exists only there.
  expect(text).toContain('在地图上选')
  expect(text).toContain('交给 南通市 崇川区 的志愿服务工作人员处理')
  await page.tap('.chip', 0)
  await page.waitForText('✓ 安全隐患')
  // Classes in Taro's weapp tree carry a prefix (`comp--action-button`), as page.tap matches them.
  const buttons = [...page.dom.querySelectorAll('*')].filter((el) => [...el.classList].some((c) => c === 'action-button' || c.endsWith('--action-button')))
  await page.tap('.action-button', buttons.findIndex((b) => b.textContent?.trim() === '发送'))
  await page.waitForText('请至少拍一张照片')
  expect(page.text()).toContain('请修改这 2 项：照片、地点')
  page.unload()
})
