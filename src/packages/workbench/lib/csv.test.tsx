// A pure function; `.tsx` only because the components project collects `src/**/*.test.tsx`.
import type { QueueRow } from '~types/application.schema'
import { CSV_HEADER, csvCell, csvFileName, maskIdNumbers, queueCsv } from './csv'

const row = (over: Partial<QueueRow> = {}): QueueRow => ({
  id: 'a1',
  caseNo: 'FY-20261012-0001',
  kind: 'legalAid',
  status: 'inReview',
  applicantName: '周小勇',
  regionLabel: '南通市 崇川区',
  dueAt: '2026-10-14T15:59:59.999Z',
  overdue: false,
  urgent: false,
  summary: '被拖欠工资 · 某某外卖配送站，3,860 元',
  ...over,
})

test('the header row, one line per row in Chinese words, CRLF ends and a BOM for Excel', () => {
  const csv = queueCsv([row(), row({ caseNo: 'FY-20261012-0002', status: 'needsMore', dueAt: null, urgent: true, summary: '工伤赔偿 · 某物流公司' })])
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const lines = csv.slice(1).split('\r\n')
  expect(lines[0]).toBe(CSV_HEADER.join(','))
  expect(lines[0]).toBe('案件编号,类型,申请人,地区,状态,截止时间,紧急,摘要')
  expect(lines[1]).toBe('FY-20261012-0001,法律援助,周小勇,南通市 崇川区,审核中,2026-10-14 23:59,否,"被拖欠工资 · 某某外卖配送站，3,860 元"')
  expect(lines[2]).toBe('FY-20261012-0002,法律援助,周小勇,南通市 崇川区,需补充材料,等待补充材料,是,工伤赔偿 · 某物流公司')
  expect(lines[3]).toBe('')
  expect(lines).toHaveLength(4)
})

test('an overdue deadline says so in words; while supplementing the deadline is the applicant\'s', () => {
  expect(queueCsv([row({ overdue: true })])).toContain('2026-10-14 23:59（已逾期）')
  expect(queueCsv([row({ status: 'needsMore' })])).toContain('等待补充材料，2026-10-14 23:59 前')
})

test('quotes, commas and line breaks are quoted; a formula is defused', () => {
  expect(csvCell('a,b')).toBe('"a,b"')
  expect(csvCell('他说"没钱"')).toBe('"他说""没钱"""')
  expect(csvCell('一行\n两行')).toBe('"一行\n两行"')
  expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
  expect(csvCell('+86')).toBe("'+86")
  expect(csvCell('普通')).toBe('普通')
})

test('no full ID number ever reaches the file, whatever an applicant typed', () => {
  expect(maskIdNumbers('身份证 32061319940312001X 请核对')).toBe('身份证 320***********001X 请核对')
  const csv = queueCsv([row({ applicantName: '320613199403120011', summary: '其他 · 对方身份证 110101199001011234' })])
  expect(csv).not.toMatch(/\d{17}[\dXx]/)
  expect(csv).toContain('320***********0011')
})

test('an empty queue is just the header', () => {
  expect(queueCsv([])).toBe(`\uFEFF${CSV_HEADER.join(',')}\r\n`)
})

test('the file is named by the Jiangsu time of the export', () => {
  expect(csvFileName(new Date('2026-10-14T01:30:00Z'))).toBe('工作台队列-20261014-0930.csv')
})
