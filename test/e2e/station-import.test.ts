import type { Page } from 'playwright-core'
import { desktopContext, e2eSession } from './browser'

/**
 * A district clerk imports stations at a desk: 顾敏 (南通崇川) opens 驿站管理 from the workbench, picks a CSV with one
 * bad row — the check names it (line, column, problem) and imports nothing — fixes the file, picks it again and
 * imports; the new stations are in the district's list.
 */
const e2e = e2eSession()

// Each attempt its own names: a retried test must not meet the stations its first attempt imported.
let tag = ''
const HEADER = '名称,类型,地址,经度,纬度,开放时间,服务,电话,节假日开放时间,节假日说明'
const rows = (lng: string) => [
  `桃坞路暖心驿站${tag},暖心驿站,崇川区桃坞路 66 号,120.8601,32.0089,周一至周五 08:00-20:00；周六、周日 09:00-18:00,休息、饮水、热饭、充电/换电,0513-85550001,休息,春节期间暂停开放`,
  `濠河小蜜蜂驿站${tag},小蜜蜂驿站,崇川区濠南路 9 号,${lng},32.0031,24小时,休息、饮水、卫生间、Wi-Fi,,,`,
]
const file = (lng: string) => Buffer.from(`\uFEFF${[HEADER, ...rows(lng)].join('\r\n')}\r\n`, 'utf8')

async function shot(page: Page, name: string) {
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((t) => getComputedStyle(t).display === 'none'))
  await e2e.shot(page, name)
}

async function pick(page: Page, button: string, name: string, bytes: Buffer) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()])
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: bytes })
}

test('顾敏 imports a CSV with one bad row, sees it named, fixes the file and imports: the stations are in the list', async () => {
  tag = Date.now().toString(36).slice(-4)
  const desk = await (await desktopContext(e2e.browser)).newPage()
  await desk.goto(e2e.server.url)
  await desk.getByText(/^顾敏 · 工作人员/).click()
  await desk.locator('.page.hub').waitFor()
  await desk.getByText('工作台', { exact: true }).click()
  await desk.getByText('驿站管理', { exact: true }).click()
  await desk.getByRole('button', { name: '导入 / 导出表格' }).click()
  await desk.getByRole('table', { name: '表格的列' }).waitFor()
  await shot(desk, 'station-import-01-format')

  await pick(desk, '选择 CSV 文件', '崇川驿站.csv', file('东经120.86'))
  const problems = desk.getByRole('table', { name: '表格里的问题' })
  await problems.waitFor()
  await desk.getByText('× 有 1 处要改，没有导入任何驿站').waitFor()
  const bad = problems.getByRole('row', { name: '第 3 行 经度：“东经120.86”不是数字，请只填数字，如 120.8645' })
  await bad.waitFor()
  await shot(desk, 'station-import-02-bad-row')

  await pick(desk, '重新选择文件', '崇川驿站（改好）.csv', file('120.8712'))
  await desk.getByText('✓ 2 行都没问题').waitFor()
  await shot(desk, 'station-import-03-checked')
  await desk.getByRole('button', { name: '导入 2 个驿站' }).click()
  await desk.getByText('✓ 已导入：新建 2 个，修改 0 个').waitFor()
  await desk.getByText(/崇川驿站（改好）\.csv · 2 行：新建 2、修改 0、没变 0/).waitFor()
  await shot(desk, 'station-import-04-done')

  await desk.getByRole('button', { name: '去驿站列表看看' }).click()
  const list = desk.getByRole('list', { name: '驿站' })
  await list.getByRole('listitem', { name: `桃坞路暖心驿站${tag}` }).waitFor()
  const bee = list.getByRole('listitem', { name: `濠河小蜜蜂驿站${tag}` })
  await bee.getByText('✓ 开放').waitFor()
  await bee.getByText('开放时间：24小时').waitFor()
  // Search by name keeps the list to what matches.
  await desk.locator(`input[placeholder^="输入驿站名称中的字"]`).fill(`濠河小蜜蜂驿站${tag}`)
  await desk.getByText(/名称或地址含“濠河小蜜蜂驿站\w+”的 1 个/).waitFor()
  await shot(desk, 'station-import-05-list')

  // The imported station opens in the form as the import wrote it.
  await bee.getByRole('button', { name: '编辑' }).click()
  await desk.getByRole('button', { name: '保存修改' }).waitFor()
  await desk.getByRole('group', { name: '暂停或停用' }).waitFor()
  await shot(desk, 'station-import-06-edit')
  await desk.getByRole('group', { name: '开放时间' }).scrollIntoViewIfNeeded()
  await shot(desk, 'station-import-07-edit-hours')

  // A desk reloaded on 驿站管理 (a bookmark, F5): the list reads again — its part of the page appears after the
  // page's show, and once waited for that show for ever.
  await desk.goBack()
  await bee.waitFor()
  await desk.reload()
  await desk.getByRole('list', { name: '驿站' }).getByRole('listitem', { name: `濠河小蜜蜂驿站${tag}` }).waitFor({ timeout: 10_000 })
}, 90_000)
