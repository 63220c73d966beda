import { readFileSync } from 'node:fs'
import type { ApplicationView } from '~types/application.schema'
import { TINY_PDF, tinyPng } from '../support/files'
import { loadPage } from './load-page'

/**
 * Attachments in the weapp build: the applicant and the reviewer each see the files by name, and a tap goes
 * through `application.fileLink` to WeChat's own viewers — a PDF is downloaded and opened, a photo previewed.
 */
const base = () => process.env.NUANXIN_TEST_API!


async function post<T>(path: string, body: BodyInit, headers: Record<string, string>): Promise<T> {
  const res = await fetch(`${base()}${path}`, { method: 'POST', headers, body })
  const env = (await res.json()) as { ok: boolean; data: T; error?: unknown }
  if (!env.ok) throw new Error(JSON.stringify(env.error))
  return env.data
}

let filed: ApplicationView
beforeAll(async () => {
  const { token } = await post<{ token: string }>('/api/dev/login', JSON.stringify({ openid: 'demo-rider' }), { 'content-type': 'application/json' })
  const auth = { authorization: `Bearer ${token}` }
  const pdf = await post<{ fileId: string }>('/api/files', TINY_PDF, { ...auth, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('工资条.pdf') })
  const png = await post<{ fileId: string }>('/api/files', tinyPng(), { ...auth, 'content-type': 'image/png', 'x-file-name': encodeURIComponent('聊天截图.png') })
  const input = {
    caseType: 'wages',
    otherParty: { kind: 'platform', name: '某某外卖配送站' },
    amountFen: 120000,
    facts: '10 月跑单 20 天，站点没有结算工资。',
    urgent: { limitationEndsSoon: false, preservationNeeded: false },
    attachments: [pdf.fileId, png.fileId],
  }
  filed = await post<ApplicationView>('/api/fn/legalAid', JSON.stringify({ action: 'submit', data: input, requestId: `weapp-attach-${Date.now()}` }), { ...auth, 'content-type': 'application/json' })
})

test('the rider opens the PDF they filed: downloaded through a link and handed to WeChat’s document viewer', async () => {
  const page = await loadPage('packages/applications/pages/detail/index', { id: filed.id }, { openid: 'demo-rider' })
  await page.waitForText('工资条.pdf')
  await page.waitForText('聊天截图.png')
  await page.tap('.attachment-list__item')
  for (const start = Date.now(); !page.opened.length && Date.now() - start < 3000; ) await new Promise((r) => setTimeout(r, 20))
  expect(page.opened).toEqual([{ api: 'openDocument', filePath: expect.any(String), fileType: 'pdf' }])
  const [doc] = page.opened as unknown as [{ filePath: string }]
  expect(readFileSync(doc.filePath)).toEqual(TINY_PDF)
  page.unload()
})

test('the reviewer in WeChat sees the files too, and a photo opens in the image previewer', async () => {
  const page = await loadPage('packages/workbench/pages/detail/index', { id: filed.id }, { openid: 'demo-staff-nantong' })
  await page.waitForText('附件（2）')
  expect(page.dom.querySelectorAll('.comp--attachment-list__item')).toHaveLength(2)
  await page.tap('.attachment-list__item', 1)
  for (const start = Date.now(); !page.opened.length && Date.now() - start < 3000; ) await new Promise((r) => setTimeout(r, 20))
  expect(page.opened).toEqual([{ api: 'previewImage', urls: [expect.stringContaining('/api/files/')] }])
  const [preview] = page.opened as unknown as [{ urls: string[] }]
  const res = await fetch(new URL(preview.urls[0], base()))
  expect(Buffer.from(await res.arrayBuffer())).toEqual(tinyPng())
  page.unload()
})
