import { loadPage } from './load-page'

test('志愿服务 in the weapp: my sign-ups and the tasks open to me from the cloud sandbox, slots in words; a task opens on tap', async () => {
  const page = await loadPage('packages/volunteer/pages/tasks/index', {}, { openid: 'demo-rider' })
  await page.waitForText('可以报名的')
  // The seed's past task he served, confirmed; the tasks ahead in 崇川 with their slots left.
  expect(page.text()).toContain('濠河沿线文明交通劝导')
  expect(page.text()).toMatch(/已确认 2 小时，积分 \+20/)
  expect(page.text()).toContain('暖新驿站义务修车')
  expect(page.text()).toMatch(/还剩 \d+ 个名额/)
  // 梁溪's tasks are not his.
  expect(page.text()).not.toContain('清名桥街区文明劝导')
  await page.tap('.task-card__open', 1)
  expect(page.navigations[0]).toMatchObject({ api: 'navigateTo', url: expect.stringMatching(/^\/packages\/volunteer\/pages\/task\/index\?id=/) })
  page.unload()
})

test('志愿队伍 in the weapp: his team with its totals', async () => {
  const page = await loadPage('packages/volunteer/pages/teams/index', {}, { openid: 'demo-rider' })
  await page.waitForText('崇川骑手志愿队')
  expect(page.text()).toContain('我的队伍')
  expect(page.text()).toMatch(/队员 \d+ 人 · 服务 \d+(\.5)? 小时 · 积分 \d+ 分/)
  page.unload()
})
