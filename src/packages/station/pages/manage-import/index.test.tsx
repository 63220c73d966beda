import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { FileView } from '~types/file.schema'
import { resetTaroStub } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import ImportPage from './index'

/**
 * The import page against the real server: the file chooser and the upload are the browser's (stood in for here by
 * the next file in `mockFiles`, posted to /api/files as the page's upload does); the check, the table of problems,
 * the import and the template are the page's own.
 */
const mockFiles: { name: string; text: string }[] = []
const mockSaved: string[] = []
jest.mock('../../lib/csv-file', () => ({
  pickCsv: async () => {
    const f = mockFiles.shift()
    return f ? { path: `mock:${f.name}`, name: f.name, text: f.text } : null
  },
  uploadCsv: async (file: { name: string; text: string }, onProgress: (n: number) => void) => {
    onProgress(50)
    const { getToken } = require('../../../../api/token') as typeof import('../../../../api/token')
    const res = await fetch(`${(globalThis as { NUANXIN_API_BASE?: string }).NUANXIN_API_BASE ?? ''}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${getToken()}`, 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(file.name) },
      body: Buffer.from(`\uFEFF${file.text}`, 'utf8'),
    })
    const env = (await res.json()) as { ok: true; data: FileView }
    return { fileId: env.data.fileId, name: env.data.name }
  },
  saveCsvLink: async (_link: unknown, fileName: string) => {
    mockSaved.push(fileName)
    return 'downloaded'
  },
}))

configure({ asyncUtilTimeout: 5000 })
beforeEach(() => resetTaroStub())

const HEADER = '名称,类型,地址,经度,纬度,开放时间,服务,电话,节假日开放时间,节假日说明'
const tag = Date.now().toString(36)
const row = (name: string, lng: string) => `${name},小蜜蜂驿站,梁溪区人民路 ${name.length} 号,${lng},31.5702,周一至周五 08:00-20:00；周六、周日 09:00-18:00,休息、饮水,,,`

test('a file with a bad row: the table names it and nothing is imported; the fixed file imports; the template downloads', async () => {
  await signInDemo('demo-staff-wuxi')
  render(<ImportPage />)
  // The format, documented on the page.
  expect(await screen.findByText('节假日开放时间')).toBeTruthy()
  expect(screen.getByText(/周一至周五 08:00-20:00；周六、周日 09:00-18:00（几段之间用“；”/)).toBeTruthy()

  mockFiles.push({ name: '梁溪驿站.csv', text: [HEADER, row(`导入页-甲-${tag}`, '120.3001'), row(`导入页-乙-${tag}`, '东经120')].join('\r\n') })
  fireEvent.click(screen.getByText('选择 CSV 文件'))
  expect(await screen.findByText('× 有 1 处要改，没有导入任何驿站')).toBeTruthy()
  const table = screen.getByRole('table', { name: '表格里的问题' })
  const bad = within(table).getByRole('row', { name: '第 3 行 经度：“东经120”不是数字，请只填数字，如 120.8645' })
  expect(within(bad).getByText('第 3 行')).toBeTruthy()
  expect(within(bad).getByText('经度')).toBeTruthy()
  expect((await api.station.list({ district: '320213' })).some((s) => s.name.includes(tag))).toBe(false)

  mockFiles.push({ name: '梁溪驿站（改好）.csv', text: [HEADER, row(`导入页-甲-${tag}`, '120.3001'), row(`导入页-乙-${tag}`, '120.3002')].join('\r\n') })
  fireEvent.click(screen.getByText('重新选择文件'))
  expect(await screen.findByText('✓ 2 行都没问题')).toBeTruthy()
  expect(screen.getByText(/导入后新建 2 个，修改 0 个/)).toBeTruthy()
  fireEvent.click(screen.getByText('导入 2 个驿站'))
  expect(await screen.findByText('✓ 已导入：新建 2 个，修改 0 个')).toBeTruthy()
  const made = (await api.station.list({ district: '320213' })).filter((s) => s.name.includes(tag))
  expect(made.map((s) => s.name).sort()).toEqual([`导入页-乙-${tag}`, `导入页-甲-${tag}`])
  expect(await screen.findByText(/梁溪驿站（改好）\.csv · 2 行：新建 2、修改 0、没变 0/)).toBeTruthy()

  fireEvent.click(screen.getByText('下载模板'))
  await waitFor(() => expect(mockSaved).toEqual(['驿站导入模板.csv']))
  expect(screen.getByText('✓ 已下载“驿站导入模板.csv”')).toBeTruthy()
})
