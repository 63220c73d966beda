import type { FileLink } from '~types/file.schema'
import { ucs2Hex } from '../../cloudfunctions/shared/volunteer/pdf'
import type { RecordCheckView, RecordsView, VolunteerRecordView } from '~types/volunteer-record.schema'
import { inTransaction } from '../../cloudfunctions/shared/db/transaction'
import { findFile } from '../../cloudfunctions/shared/storage/files'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import type { UserDoc } from '../../cloudfunctions/shared/user/user.doc'
import { post, updateAccount } from '../../cloudfunctions/shared/volunteer/ledger'
import { RECORDS, recordFileIdOf, type RecordDoc } from '../../cloudfunctions/shared/volunteer/record.doc'
import { SIGNUPS, TASKS } from '../../cloudfunctions/shared/volunteer/task.doc'
import { validProfile } from '../support/profiles'
import { okData } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'

/**
 * 志愿服务记录证明: a numbered snapshot of the worker's hours with its PDF, issued once per request, read back only by
 * its holder, checked by anyone by number; the PDF is a well-formed file whose text is the certificate's.
 */
const clock = new Date('2026-12-10T02:00:00Z')
let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ seed: false, now: () => clock })
})
afterAll(() => s.close())

interface Worker {
  user: UserDoc
  token: string
}
let seq = 0
async function worker(openid: string, patch = {}): Promise<Worker> {
  const token = await s.login(openid)
  const n = 950 + ++seq
  await okData(s.call('user', 'saveProfile', validProfile(n, { mobile: `137${String(n).padStart(8, '0')}`, ...patch }), { token, requestId: `p-${openid}` }))
  return { user: (await findUserByOpenid(s.runtime.db, openid))!, token }
}

/** Hours as the tasks and make-up parts give them: confirmed with points (one entry), and make-up without. */
async function serve(w: Worker, confirmed: number, makeUp = 0) {
  await inTransaction(s.runtime.db, (tx) => post(tx, w.user._id, { amount: Math.max(1, Math.floor(confirmed / 6)), reason: '志愿服务：测试', source: { type: 'task', id: `t-${w.user._id}-${confirmed}` }, earned: true, by: 'staff', minutes: { confirmed } }, clock))
  if (makeUp) await inTransaction(s.runtime.db, (tx) => updateAccount(tx, w.user._id, { minutes: { makeUp } }, clock))
}

const issue = (w: Worker, requestId: string) => s.call<VolunteerRecordView>('volunteer', 'recordCertificate', {}, { token: w.token, requestId })

/** The bytes of a file through the one door every client uses: application.fileLink, then its signed link. */
async function download(w: Worker | null, fileId: string): Promise<Buffer | string> {
  const link = await s.call<FileLink>('application', 'fileLink', { fileId }, w ? { token: w.token } : {})
  if (!link.body.ok) return link.body.error.code
  const res = await fetch(`${s.url}${link.body.data.url}`)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  return Buffer.from(await res.arrayBuffer())
}

/**
 * A structural read of a PDF as a reader does it: the header, `startxref` pointing at the table, every table entry
 * pointing at its `n 0 obj`, the stream lengths exact, and the trailer naming the catalogue.
 */
function parsePdf(bytes: Buffer) {
  const text = bytes.toString('latin1')
  expect(text.startsWith('%PDF-1.4\n')).toBe(true)
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true)
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)![1])
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n')
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!.map(Number)
  expect(first).toBe(0)
  const tableAt = startxref + `xref\n0 ${count}\n`.length
  const objects: Record<number, string> = {}
  for (let i = 0; i < count; i++) {
    const entry = text.slice(tableAt + i * 20, tableAt + (i + 1) * 20)
    expect(entry).toMatch(/^\d{10} \d{5} [nf] \n$/)
    if (i === 0) continue
    const offset = Number(entry.slice(0, 10))
    expect(text.slice(offset).startsWith(`${i} 0 obj\n`)).toBe(true)
    objects[i] = text.slice(offset, text.indexOf('endobj', offset))
  }
  const trailer = text.slice(text.indexOf('trailer', startxref))
  expect(trailer).toMatch(new RegExp(`/Size ${count} /Root 1 0 R`))
  const streams = Object.values(objects).filter((o) => o.includes('stream\n'))
  for (const o of streams) {
    const length = Number(/\/Length (\d+)/.exec(o)![1])
    const start = o.indexOf('stream\n') + 'stream\n'.length
    expect(o.slice(start + length)).toMatch(/^endstream\n$/)
  }
  const content = streams.map((o) => o.slice(o.indexOf('stream\n') + 7, o.lastIndexOf('endstream'))).join('')
  const shown = [...content.matchAll(/<([0-9A-F]+)> Tj/g)].map((m) => m[1])
  return { objects: Object.values(objects), shown, content }
}

test('a certificate of the hours as they stand: number, identity masked, hours in half hours, stars, content, issuer, date — and its PDF', async () => {
  const w = await worker('record-zhou', { realName: '周小勇' })
  await serve(w, 6045, 90) // 100.75 h confirmed → 100.5 h; 1.5 h make-up
  // Two handled reports and one refused count as they are: only handled ones are listed.
  for (const status of ['approved', 'done', 'rejected']) await s.runtime.db.collection('applications').add({ applicantId: w.user._id, kind: 'volunteerReport', status })
  const first = await okData<VolunteerRecordView>(issue(w, 'cert-1'))
  expect(first).toMatchObject({
    number: 'ZYZM-2026-000001',
    issuedOn: '2026-12-10',
    holder: { name: '周小勇', idType: '居民身份证', idNumberMasked: expect.stringMatching(/^320\*{11}\d{3}[\dX]$/) },
    minutesConfirmed: 6045,
    minutesMakeUp: 90,
    stars: 1,
    content: { reportsHandled: 2, makeUpClaims: 0 },
    issuer: '南通市崇川区新就业群体志愿服务站',
    file: { fileId: recordFileIdOf('ZYZM-2026-000001'), name: '志愿服务记录证明-ZYZM-2026-000001.pdf', contentType: 'application/pdf' },
  })
  // The stored record holds the mask, never the clear number.
  const { data } = await s.runtime.db.collection(RECORDS).doc(first.number).get()
  const stored = data[0] as RecordDoc
  expect(JSON.stringify(stored)).not.toMatch(/320613\d{8}/)
  expect(stored.idNumberMasked).toBe(first.holder.idNumberMasked)

  const pdf = await download(w, first.file!.fileId)
  expect(Buffer.isBuffer(pdf)).toBe(true)
  const { objects, shown } = parsePdf(pdf as Buffer)
  // The standard CID font, not embedded: no FontFile anywhere, the file stays small.
  expect(objects.some((o) => o.includes('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H'))).toBe(true)
  expect(objects.some((o) => /FontFile/.test(o))).toBe(false)
  expect((pdf as Buffer).length).toBeLessThan(20_000)
  // The text, as UCS-2: the title, name, number, masked ID, hours (each part and their sum), issuer and date.
  const hex = shown.join(' ')
  for (const words of ['志愿服务记录证明', '周小勇', `编号：${first.number}`, first.holder.idNumberMasked, '累计 102 小时', '签到及工作人员确认 100.5 小时；补录 1.5 小时', '一星志愿者（累计满 100 小时）', '南通市崇川区新就业群体志愿服务站', '2026年12月10日']) {
    expect(hex).toContain(ucs2Hex(words))
  }
})

test('the content: tasks served with their titles and confirmed hours (newest first, 8 at most, all counted), reports handled, make-up claims', async () => {
  const w = await worker('record-content', { realName: '李娟' })
  await serve(w, 3000, 120)
  for (let i = 0; i < 10; i++) {
    await s.runtime.db.collection(TASKS).doc(`task-${i}`).set({ title: `文明交通劝导第 ${i + 1} 场`, district: '320613' })
    await s.runtime.db.collection(SIGNUPS).doc(`task-${i}_${w.user._id}`).set({ taskId: `task-${i}`, userId: w.user._id, state: 'confirmed', confirmed: { minutes: 90 + i * 30 }, signedUpAt: new Date(clock.getTime() - (10 - i) * 864e5) })
  }
  await s.runtime.db.collection(SIGNUPS).doc(`task-x_${w.user._id}`).set({ taskId: 'task-x', userId: w.user._id, state: 'cancelled', confirmed: null, signedUpAt: clock })
  await s.runtime.db.collection('applications').add({ applicantId: w.user._id, kind: 'volunteerHours', status: 'approved' })
  await s.runtime.db.collection('applications').add({ applicantId: w.user._id, kind: 'volunteerHours', status: 'inReview' })
  const cert = await okData<VolunteerRecordView>(issue(w, 'content'))
  expect(cert.content.tasksServed).toBe(10)
  expect(cert.content.tasks).toHaveLength(8)
  expect(cert.content.tasks[0]).toEqual({ title: '文明交通劝导第 10 场', minutes: 360 })
  expect(cert.content).toMatchObject({ reportsHandled: 0, makeUpClaims: 1 })
  const { shown } = parsePdf((await download(w, cert.file!.fileId)) as Buffer)
  // The content row wraps: its words are spread over several text objects, in order.
  const decoded = shown.map((h) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((c) => parseInt(c, 16)))).join('')
  expect(decoded).toContain('参加志愿服务活动 10 次：文明交通劝导第 10 场（6 小时）、')
  expect(decoded).toContain('补录志愿服务 1 次（经工作人员认定）')
})

test('once per request: a retry answers the same certificate; a new request issues the next number', async () => {
  const w = await worker('record-once')
  await serve(w, 600)
  const [a, b] = await Promise.all([okData<VolunteerRecordView>(issue(w, 'same')), okData<VolunteerRecordView>(issue(w, 'same'))])
  expect(b.number).toBe(a.number)
  const again = await okData<VolunteerRecordView>(issue(w, 'same'))
  expect(again).toEqual(a)
  const next = await okData<VolunteerRecordView>(issue(w, 'another'))
  expect(Number(next.number.slice(-6))).toBe(Number(a.number.slice(-6)) + 1)
  const list = await okData<RecordsView>(s.call('volunteer', 'records', {}, { token: w.token }))
  expect(list.issued.map((r) => r.number)).toEqual([next.number, a.number].sort().reverse())
  // Each with its PDF, noted on the record when it was stored: the list reads no files.
  expect(list.issued.map((r) => r.file?.fileId)).toEqual(list.issued.map((r) => recordFileIdOf(r.number)))
  expect(list).toMatchObject({ minutesConfirmed: 600, minutesMakeUp: 0, stars: { stars: 0, next: { hours: 100, minutesLeft: 6000 - 600 } }, issuer: '南通市崇川区新就业群体志愿服务站' })
  const { data } = await s.runtime.db.collection(RECORDS).where({ userId: w.user._id }).count().then((c) => ({ data: c.total }))
  expect(data).toBe(2)
})

test('no hours yet: no certificate, said in words', async () => {
  const w = await worker('record-none')
  const { body } = await issue(w, 'none')
  expect(body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('还没有经过确认的志愿服务时长') } })
})

test('verify by number, without signing in: name masked, no ID number; lower case and no dashes are forgiven; unknown → NOT_FOUND in words', async () => {
  const w = await worker('record-verify', { realName: '王建明' })
  await serve(w, 1800, 60)
  const cert = await okData<VolunteerRecordView>(issue(w, 'v'))
  const check = await okData<RecordCheckView>(s.call('volunteer', 'verifyRecord', { number: cert.number }))
  expect(check).toEqual({ number: cert.number, holderMasked: '王**', minutesConfirmed: 1800, minutesMakeUp: 60, stars: 0, issuer: '南通市崇川区新就业群体志愿服务站', issuedOn: '2026-12-10' })
  expect(JSON.stringify(check)).not.toContain('320')
  expect(await okData<RecordCheckView>(s.call('volunteer', 'verifyRecord', { number: ` ${cert.number.toLowerCase().replace(/-/g, '')} ` }))).toEqual(check)
  const unknown = await s.call('volunteer', 'verifyRecord', { number: 'ZYZM-2026-999999' })
  expect(unknown.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有查到编号为 ZYZM-2026-999999 的志愿服务记录证明，请核对编号后再查' } })
  const malformed = await s.call('volunteer', 'verifyRecord', { number: '123' })
  expect(malformed.body).toMatchObject({ ok: false, error: { fields: { number: '证明编号应为 ZYZM-2026-000123 这样的格式' } } })
})

test("someone else's certificate: neither its record nor its PDF opens for another worker (or for nobody signed in)", async () => {
  const owner = await worker('record-owner')
  const other = await worker('record-other')
  await serve(owner, 900)
  const cert = await okData<VolunteerRecordView>(issue(owner, 'own'))
  expect(Buffer.isBuffer(await download(owner, cert.file!.fileId))).toBe(true)
  expect(await download(other, cert.file!.fileId)).toBe('NOT_FOUND')
  expect(await download(null, cert.file!.fileId)).toBe('UNAUTHENTICATED')
  const read = await s.call('volunteer', 'record', { number: cert.number }, { token: other.token })
  expect(read.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await okData<RecordsView>(s.call('volunteer', 'records', {}, { token: other.token }))).issued).toEqual([])
})

test('a PDF lost after the record was written is made again on open, the same bytes under the same id', async () => {
  const w = await worker('record-lost')
  await serve(w, 1200)
  const cert = await okData<VolunteerRecordView>(issue(w, 'lost'))
  const before = await download(w, cert.file!.fileId)
  const file = (await findFile(s.runtime.db, cert.file!.fileId))!
  await s.runtime.db.collection('files').doc(file._id).remove()
  await s.runtime.files!.remove(file.key)
  const reopened = await okData<VolunteerRecordView>(s.call('volunteer', 'record', { number: cert.number }, { token: w.token }))
  expect(reopened.file).toEqual(cert.file)
  expect(await download(w, cert.file!.fileId)).toEqual(before)
})
