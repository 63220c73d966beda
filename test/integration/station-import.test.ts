import { encode as iconvEncode } from 'iconv-lite'
import type { Envelope } from '~types/errors'
import type { FileView } from '~types/file.schema'
import type { NearbyView, StationDetail } from '~types/station.schema'
import type { ExportCsvResult, ImportCsvResult, StationImportView } from '~types/station-import.schema'
import type { Runtime } from '../../cloudfunctions/shared/core/context'
import { importStationsCsv } from '../../cloudfunctions/shared/station/import.service'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import { okData } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'

/**
 * 驿站 CSV import and export over HTTP on the real server and engine: a good file makes searchable stations; a file
 * with bad rows names every bad line and column and writes nothing; Excel's GBK and byte-order mark are read; an
 * export imports back unchanged; another district's staff are refused; a crash mid-write is finished by running the
 * same import again, without duplicates; a file of 1 500 rows is timed.
 */
let s: TestServer
let staff: string
const DISTRICT = '320613'
beforeAll(async () => {
  s = await startTestServer({ seed: true })
  staff = await s.login('demo-staff-nantong')
})
afterAll(() => s.close())

const HEADER = '名称,类型,地址,经度,纬度,开放时间,服务,电话,节假日开放时间,节假日说明'
const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`

async function upload(bytes: Buffer, name = '驿站.csv', token = staff): Promise<Envelope<FileView>> {
  const res = await fetch(`${s.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(name) }, body: bytes })
  return (await res.json()) as Envelope<FileView>
}
async function uploaded(text: string | Buffer, name?: string): Promise<string> {
  const env = await upload(typeof text === 'string' ? Buffer.from(`\uFEFF${text}`, 'utf8') : text, name)
  if (!env.ok) throw new Error(JSON.stringify(env.error))
  return env.data.fileId
}
const importCsv = (fileId: string, dryRun?: boolean, token = staff, district = DISTRICT) =>
  s.call<ImportCsvResult>('station', 'importCsv', { fileId, district, ...(dryRun ? { dryRun } : {}) }, { token })
/** Calls until the import is done, as the page does; answers the last answer and how many calls it took. */
async function importAll(fileId: string): Promise<{ last: ImportCsvResult; calls: number }> {
  for (let calls = 1; ; calls++) {
    const last = await okData<ImportCsvResult>(importCsv(fileId))
    if (last.state !== 'running') return { last, calls }
  }
}
const stationsNamed = async (prefix: string) =>
  ((await s.runtime.db.collection('stations').where({ district: DISTRICT }).limit(1000).get()).data as { _id: string; name: string }[]).filter((x) => x.name.startsWith(prefix))

test('a good file: checked first, then written — the stations are searchable; the same file again writes nothing twice', async () => {
  const fileId = await uploaded(csv(
    HEADER,
    '导入-南大街驿站,暖心驿站,崇川区南大街 30 号,120.8650,32.0110,周一至周五 08:00-20:00；周六、周日 09:00-18:00,休息、饮水、热饭,0513-85123456,休息,春节期间暂停开放',
    '导入-钟秀路驿站,小蜜蜂驿站,崇川区钟秀中路 100 号,120.8891,32.0303,24小时,休息、饮水、卫生间、Wi-Fi,,,',
    '"导入-工农路驿站, 北",司机之家,崇川区工农路 1 号,120.8957,31.9822,18:00-02:00,货车停车;淋浴;热水,13812345678,,',
    ',,,,,,,,,',
  ))
  const checked = await okData<ImportCsvResult>(importCsv(fileId, true))
  expect(checked).toMatchObject({ state: 'checked', rows: 3, encoding: 'UTF-8', plan: { create: 3, update: 0, unchanged: 0 }, problems: [] })
  expect(await stationsNamed('导入-')).toHaveLength(0)

  const { last: done } = await importAll(fileId)
  expect(done).toMatchObject({ state: 'done', rows: 3, written: 3, plan: { create: 3, update: 0, unchanged: 0 } })
  const made = await stationsNamed('导入-')
  expect(made.map((m) => m.name).sort()).toEqual(['导入-南大街驿站', '导入-工农路驿站, 北', '导入-钟秀路驿站'])

  const near = await okData<NearbyView>(s.call('station', 'nearby', { longitude: 120.865, latitude: 32.011 }))
  expect(near.stations[0].name).toBe('导入-南大街驿站')
  const detail = await okData<StationDetail>(s.call('station', 'detail', { id: near.stations[0].id }))
  expect(detail).toMatchObject({ hours: ['08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '09:00-18:00', '09:00-18:00'], holidayHours: '休息', holidayNote: '春节期间暂停开放', services: ['rest', 'water', 'meal'], phone: '0513-85123456' })
  const truck = await okData<StationDetail>(s.call('station', 'detail', { id: made.find((m) => m.name.startsWith('导入-工农路'))!._id }))
  expect(truck).toMatchObject({ type: 'driver', services: ['truckParking', 'shower', 'water'] })

  // Audited: a line per station and one for the import; the file is kept with the import.
  const { data: audit } = await s.runtime.db.collection('audit').where({ targetId: s.runtime.db.command.in([...made.map((m) => m._id), done.importId!]) }).get()
  expect((audit as { action: string; note?: string }[]).map((a) => a.action).sort()).toEqual(['station.create', 'station.create', 'station.create', 'station.import'])
  expect((audit as { note?: string }[]).filter((a) => a.note).every((a) => /^表格导入 si_\w+ 第 \d 行$/.test(a.note!))).toBe(true)
  const file = (await s.runtime.db.collection('files').doc(fileId).get()).data[0] as { attached: boolean; attachedTo: string[] }
  expect(file).toMatchObject({ attached: true, attachedTo: [done.importId] })

  // Again: the record answers, nothing is written twice.
  expect(await okData<ImportCsvResult>(importCsv(fileId))).toMatchObject({ state: 'done', importId: done.importId, written: 3 })
  expect(await stationsNamed('导入-')).toHaveLength(3)
  const list = await okData<StationImportView[]>(s.call('station', 'imports', { district: DISTRICT }, { token: staff }))
  expect(list[0]).toMatchObject({ id: done.importId, rows: 3, created: 3, state: 'done', fileName: '驿站.csv' })

  // The same list uploaded again as a new file: each row is now a station of the same name — refused, not doubled.
  const again = await okData<ImportCsvResult>(importCsv(await uploaded(csv(HEADER, '导入-钟秀路驿站,小蜜蜂驿站,崇川区钟秀中路 100 号,120.8891,32.0303,24小时,休息,,,'))))
  expect(again.state).toBe('invalid')
  expect(again.problems[0].text).toMatch(/^第 2 行 名称：本区已有同名驿站（编号 st_\w+）。要修改它，请在“编号”列填上这个编号/)
})

test('a file with bad rows: every bad line and column is named in Chinese, and nothing is written', async () => {
  const before = (await s.runtime.db.collection('stations').where({ district: DISTRICT }).count()).total
  const fileId = await uploaded(csv(
    HEADER,
    '坏-一,暖心驿站,崇川区南大街 1 号,120.86,32.01,08:00-20:00,休息,,,',
    '坏-二,暖心驿站,崇川区南大街 2 号,东经120度,32.01,08:00-20:00,休息,,,',
    '坏-三,茶水站,崇川区南大街 3 号,120.86,32.01,8点到晚上,休息、微波炉、按摩,,,',
    ',暖心驿站,崇川区南大街 4 号,32.01,120.86,周一至周五,休息,12345,,',
    '示例：南大街暖心驿站,暖心驿站,崇川区南大街 28 号,120.8645,32.0106,24小时,休息,,,',
    '坏-一,暖心驿站,崇川区南大街 6 号,120.86,32.01,周一至周五 08:00-20:00；周三 09:00-18:00,休息,,8点,',
    '坏-七,暖心驿站,崇川区南大街 7 号,120.86,32.01,24小时,休息,,,,多出来的',
  ))
  const res = await okData<ImportCsvResult>(importCsv(fileId))
  expect(res.state).toBe('invalid')
  expect(res.written).toBe(0)
  expect(res.problems.map((p) => p.text)).toEqual([
    '第 3 行 经度：“东经120度”不是数字，请只填数字，如 120.8645',
    '第 4 行 类型：“茶水站”不是可选的类型，请填 暖心驿站、小蜜蜂驿站、司机之家、党群服务中心、工会驿站 之一',
    '第 4 行 开放时间：“8点到晚上”看不懂，请写成 08:00-20:00，跨夜写 18:00-02:00，全天写 24小时',
    '第 4 行 服务：“按摩”不是可选的服务，可选：休息、饮水、热饭、充电/换电、卫生间、药箱、法律咨询、货车停车、淋浴、洗衣、Wi-Fi',
    '第 5 行 名称：请填写驿站名称',
    '第 5 行 经度：经度和纬度好像填反了：江苏的经度在 116 到 122 之间，纬度在 30 到 35 之间',
    '第 5 行 纬度：经度和纬度好像填反了：江苏的经度在 116 到 122 之间，纬度在 30 到 35 之间',
    '第 5 行 开放时间：“周一至周五”后面要写时间，如 周一至周五 08:00-20:00，不开写 周一至周五 休息',
    '第 5 行 电话：电话写成手机号或带区号的座机，如 0513-85123456',
    '第 6 行 名称：这是模板里的示例行，请删掉，或改成真实的驿站',
    '第 7 行 名称：和第 2 行重名：同一个驿站只写一行，不同的驿站请换个名字',
    '第 7 行 开放时间：周三写了两次，请只写一次',
    '第 7 行 节假日开放时间：“8点”看不懂，请写成 09:00-17:00，不开写 休息',
    '第 8 行 整行：这一行比表头多了 1 个格子（“多出来的”）：可能是某个格子里有英文逗号，请用中文逗号或把格子用双引号括起来',
  ])
  expect(res.problemsTotal).toBe(14)
  expect((await s.runtime.db.collection('stations').where({ district: DISTRICT }).count()).total).toBe(before)
  expect((await s.runtime.db.collection('station_imports').where({ fileId }).count()).total).toBe(0)

  // A header the import does not know, and a quote left open: named at their line.
  const header = await okData<ImportCsvResult>(importCsv(await uploaded(csv('名称,类别,地址,经度,纬度,开放时间,服务', 'a,b,c,1,2,3,4'))))
  expect(header.problems.map((p) => p.text)).toEqual([
    '第 1 行 表头：不认识“类别”这一列，可用的列：名称、类型、地址、经度、纬度、开放时间、服务、电话、节假日开放时间、节假日说明、编号',
    '第 1 行 表头：缺少这几列：类型。第一行应是表头，可以下载模板对照',
  ])
  const quote = await okData<ImportCsvResult>(importCsv(await uploaded(csv(HEADER, '坏-引号,暖心驿站,"崇川区南大街 1 号,120.86,32.01,24小时,休息,,,'))))
  expect(quote.problems[0]).toMatchObject({ line: 2, column: '整行', message: expect.stringMatching(/^引号没有配对/) })
  // A line break inside a quoted cell: the rows after it keep the line numbers Excel shows.
  const multi = await okData<ImportCsvResult>(importCsv(await uploaded(csv(HEADER, '坏-换行,暖心驿站,"崇川区南大街\r\n1 号",120.86,32.01,24小时,休息,,,', '坏-下一行,暖心驿站,崇川区南大街 1 号,999,32.01,24小时,休息,,,'))))
  expect(multi.problems.map((p) => p.text)).toEqual(['第 4 行 经度：999 不在江苏省内，江苏的经度在 116 到 122 之间，请从地图上重新取点'])
})

test('Excel’s encodings: GBK and UTF-8 with or without a byte-order mark are read; a workbook or a worker’s CSV is refused', async () => {
  const text = csv(HEADER, '编码-国标驿站,工会驿站,崇川区桃园路 8 号,120.8702,32.0151,24小时,休息、饮水、充电/换电,,,')
  const gbk = await okData<ImportCsvResult>(importCsv(await uploaded(iconvEncode(text, 'gbk'), '国标.csv'), true))
  expect(gbk).toMatchObject({ state: 'checked', encoding: 'GBK', rows: 1, plan: { create: 1 } })
  const plain = await okData<ImportCsvResult>(importCsv(await uploaded(Buffer.from(text, 'utf8')), true))
  expect(plain).toMatchObject({ state: 'checked', encoding: 'UTF-8', rows: 1 })
  const bom = await okData<ImportCsvResult>(importCsv(await uploaded(text), true))
  expect(bom).toMatchObject({ state: 'checked', encoding: 'UTF-8', rows: 1 })
  const utf16 = await okData<ImportCsvResult>(importCsv(await uploaded(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/,/g, '\t'), 'utf16le')])), true))
  expect(utf16).toMatchObject({ state: 'checked', encoding: 'UTF-16', rows: 1 })

  const xlsx = await upload(Buffer.from('PK\u0003\u0004 a workbook'), '驿站.xlsx')
  expect(xlsx).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { file: expect.stringContaining('这是 Excel 工作簿（.xlsx）或压缩包，不是 CSV。请在 Excel 里点“另存为”') } } })
  const rider = await s.login('demo-rider')
  const worker = await upload(Buffer.from(text, 'utf8'), '驿站.csv', rider)
  expect(worker).toMatchObject({ ok: false, error: { fields: { file: '只能上传 JPG、PNG 照片或 PDF 文件' } } })
  // Bytes that are neither UTF-8 nor GBK text.
  const noise = await upload(Buffer.from([0x80, 0x81, 0xff, 0x00, 0x01, 0x02]), 'x.csv')
  expect(noise).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test('export → import round trip: the same file imports back unchanged; one cell edited updates that station only', async () => {
  const exported = await okData<ExportCsvResult>(s.call('station', 'exportCsv', { district: DISTRICT }, { token: staff }))
  expect(exported.fileName).toMatch(/^驿站-崇川区-\d{8}\.csv$/)
  const res = await fetch(`${s.url}${exported.file.url}`)
  expect(res.headers.get('content-disposition')).toMatch(/^attachment;/)
  const bytes = Buffer.from(await res.arrayBuffer())
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  const text = bytes.toString('utf8').slice(1)
  expect(text.split('\r\n')[0]).toBe(`${HEADER},编号`)
  expect(text).toContain('导入-南大街驿站,暖心驿站,崇川区南大街 30 号,120.865,32.011,周一至周五 08:00-20:00；周六、周日 09:00-18:00,休息、饮水、热饭,0513-85123456,休息,春节期间暂停开放,st_')
  expect(exported.rows).toBe(text.trimEnd().split('\r\n').length - 1)

  const back = await okData<ImportCsvResult>(importCsv(await uploaded(bytes), true))
  expect(back).toMatchObject({ state: 'checked', rows: exported.rows, plan: { create: 0, update: 0, unchanged: exported.rows } })
  // Exporting again gives the same bytes: nothing changed.
  const twice = await okData<ExportCsvResult>(s.call('station', 'exportCsv', { district: DISTRICT }, { token: staff }))
  expect(twice.file.fileId).toBe(exported.file.fileId)

  const edited = text.replace('导入-钟秀路驿站,小蜜蜂驿站,崇川区钟秀中路 100 号,120.8891,32.0303,24小时', '导入-钟秀路驿站,小蜜蜂驿站,崇川区钟秀中路 100 号,120.8891,32.0303,07:00-22:00')
  expect(edited).not.toBe(text)
  const { last } = await importAll(await uploaded(edited))
  expect(last).toMatchObject({ state: 'done', plan: { create: 0, update: 1, unchanged: exported.rows - 1 } })
  const zx = (await stationsNamed('导入-钟秀路'))[0]
  const detail = await okData<StationDetail>(s.call('station', 'manage', { id: zx._id }, { token: staff }))
  expect(detail.hours).toEqual(Array(7).fill('07:00-22:00'))
  const { data } = await s.runtime.db.collection('audit').where({ targetId: zx._id, action: 'station.save' }).get()
  expect(data).toHaveLength(1)

  const template = await okData<ExportCsvResult>(s.call('station', 'exportCsv', { district: DISTRICT, template: true }, { token: staff }))
  expect(template).toMatchObject({ fileName: '驿站导入模板.csv', rows: 2 })
  const t = await okData<ImportCsvResult>(importCsv(await uploaded(Buffer.from(await (await fetch(`${s.url}${template.file.url}`)).arrayBuffer())), true))
  expect(t.problems.map((p) => p.text)).toEqual(['第 2 行 名称：这是模板里的示例行，请删掉，或改成真实的驿站', '第 3 行 名称：这是模板里的示例行，请删掉，或改成真实的驿站'])
})

test('another district’s staff: refused for the district, the file is not theirs, a 编号 of another district is not found', async () => {
  const wuxi = await s.login('demo-staff-wuxi')
  const fileId = await uploaded(csv(HEADER, '跨区-驿站,暖心驿站,崇川区南大街 9 号,120.86,32.01,24小时,休息,,,'))
  expect((await importCsv(fileId, true, wuxi)).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { district: '您只能管理自己负责的区县的驿站' } } })
  expect((await importCsv(fileId, true, wuxi, '320213')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await s.call('station', 'exportCsv', { district: DISTRICT }, { token: wuxi })).body).toMatchObject({ ok: false, error: { fields: { district: '您只能管理自己负责的区县的驿站' } } })
  const rider = await s.login('demo-rider')
  expect((await importCsv(fileId, true, rider)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  // A Wuxi station's 编号 in Nantong's file: not found, as a station that does not exist.
  const wuxiStation = await okData<StationDetail>(s.call('station', 'save', { name: '梁溪测试驿站', type: 'bee', district: '320213', address: '梁溪区中山路 1 号', longitude: 120.3, latitude: 31.57, hours: Array(7).fill('24小时'), services: ['rest'] }, { token: wuxi }))
  const other = await okData<ImportCsvResult>(importCsv(await uploaded(csv(`${HEADER},编号`, `跨区-改名,暖心驿站,崇川区南大街 9 号,120.86,32.01,24小时,休息,,,,${wuxiStation.id}`))))
  expect(other.problems.map((p) => p.text)).toEqual([`第 2 行 编号：没有找到编号为“${wuxiStation.id}”的驿站，或者它不在本区。新建的驿站请把编号留空`])
})

/** The runtime with a transaction that fails once its `n`-th call starts: the instance dies mid-import. */
function crashingAt(rt: Runtime, n: number): Runtime {
  let calls = 0
  const db = new Proxy(rt.db, {
    get(target, key, receiver) {
      if (key === 'runTransaction') {
        return (fn: unknown) => {
          if (++calls === n) return Promise.reject(new Error('instance stopped'))
          return target.runTransaction(fn as never)
        }
      }
      const v = Reflect.get(target, key, receiver)
      return typeof v === 'function' ? v.bind(target) : v
    },
  })
  return { ...rt, db } as Runtime
}

const rowsOf = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')},小蜜蜂驿站,崇川区测试路 ${i + 1} 号,${(120.80 + (i % 100) * 0.001).toFixed(4)},${(31.95 + Math.floor(i / 100) * 0.001).toFixed(4)},${i % 3 ? '24小时' : '周一至周五 08:00-20:00；周六、周日 09:00-18:00'},休息、饮水、充电/换电,,,`)

test('a crash in the middle of writing: running the same import again finishes it, with no station twice', async () => {
  const fileId = await uploaded(csv(HEADER, ...rowsOf(130, '断点-')))
  const user = (await findUserByOpenid(s.runtime.db, 'demo-staff-nantong'))!
  // Transactions: 1 creates the record, 2… write batches of 40 — the third batch's dies.
  await expect(importStationsCsv(crashingAt(s.runtime, 4), user, { fileId, district: DISTRICT })).rejects.toThrow('instance stopped')
  expect(await stationsNamed('断点-')).toHaveLength(80)
  const half = (await s.runtime.db.collection('station_imports').where({ fileId }).get()).data[0] as { cursor: number; state: string }
  expect(half).toMatchObject({ cursor: 80, state: 'running' })
  const { last } = await importAll(fileId)
  expect(last).toMatchObject({ state: 'done', rows: 130, written: 130, plan: { create: 130 } })
  const made = await stationsNamed('断点-')
  expect(made).toHaveLength(130)
  expect(new Set(made.map((m) => m.name)).size).toBe(130)
})

test('1 500 rows: the dry run and the import, timed', async () => {
  const fileId = await uploaded(csv(HEADER, ...rowsOf(1500, '性能-')))
  let t = performance.now()
  const checked = await okData<ImportCsvResult>(importCsv(fileId, true))
  const checkMs = performance.now() - t
  expect(checked).toMatchObject({ state: 'checked', rows: 1500, plan: { create: 1500 } })
  t = performance.now()
  const { last, calls } = await importAll(fileId)
  const importMs = performance.now() - t
  expect(last).toMatchObject({ state: 'done', written: 1500 })
  expect((await s.runtime.db.collection('stations').where({ district: DISTRICT, name: s.runtime.db.command.gte('性能-').and(s.runtime.db.command.lt('性能.')) }).count()).total).toBe(1500)
  t = performance.now()
  const exported = await okData<ExportCsvResult>(s.call('station', 'exportCsv', { district: DISTRICT }, { token: staff }))
  const exportMs = performance.now() - t
  expect(exported.rows).toBeGreaterThanOrEqual(1500)
  console.log(`station import, 1 500 rows: dry run ${Math.round(checkMs)} ms; import ${Math.round(importMs)} ms in ${calls} call(s); export of ${exported.rows} rows ${Math.round(exportMs)} ms`)
  expect(checkMs).toBeLessThan(5000)
}, 120_000)
