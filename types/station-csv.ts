import { STATION_SERVICES, STATION_SERVICE_LABELS, STATION_TYPES, STATION_TYPE_LABELS, type StationService, type StationType } from './station.schema'
import { WEEKDAY_LABELS, parseDayHours } from './station-hours'

/**
 * The stations' CSV as a district clerk fills it in Excel: one row per station, a Chinese header row, type and
 * services by their Chinese names, the week's hours in one cell. Pure functions shared by the import/export on the
 * server (which parses the file itself with csv-parse) and the page that explains the format.
 */

export type CsvColumnKey = 'name' | 'type' | 'address' | 'longitude' | 'latitude' | 'hours' | 'services' | 'phone' | 'holidayHours' | 'holidayNote' | 'id'

export interface CsvColumn {
  key: CsvColumnKey
  /** The header cell, as the export writes it and the page names it. */
  header: string
  /** Other headers a clerk may have typed for it. */
  aliases: readonly string[]
  required: boolean
  /** What to write, in a line of the page's format table. */
  help: string
}

/** In the order the export writes them; the import reads them in any order, by header. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { key: 'name', header: '名称', aliases: ['驿站名称', '站点名称'], required: true, help: '2–40 个字，如 南大街暖心驿站' },
  { key: 'type', header: '类型', aliases: ['驿站类型'], required: true, help: `${STATION_TYPES.map((t) => STATION_TYPE_LABELS[t]).join('、')} 之一` },
  { key: 'address', header: '地址', aliases: ['详细地址'], required: true, help: '骑手找得到的详细地址，如 崇川区南大街 28 号' },
  { key: 'longitude', header: '经度', aliases: [], required: true, help: '数字，江苏在 116.3 到 121.9 之间，如 120.8645（腾讯地图坐标）' },
  { key: 'latitude', header: '纬度', aliases: [], required: true, help: '数字，江苏在 30.7 到 35.2 之间，如 32.0106' },
  { key: 'hours', header: '开放时间', aliases: ['营业时间', '开放时段'], required: true, help: '每天一样写 08:00-20:00 或 24小时；按星期写 周一至周五 08:00-20:00；周六、周日 09:00-18:00（没写到的日子算休息）' },
  { key: 'services', header: '服务', aliases: ['服务项目', '提供服务'], required: true, help: `用顿号隔开：${STATION_SERVICES.map((s) => STATION_SERVICE_LABELS[s]).join('、')}` },
  { key: 'phone', header: '电话', aliases: ['联系电话'], required: false, help: '选填：手机号或带区号的座机，如 0513-85123456' },
  { key: 'holidayHours', header: '节假日开放时间', aliases: ['节假日时间'], required: false, help: '选填：法定节假日和平时不一样才写，如 09:00-17:00；不开写 休息' },
  { key: 'holidayNote', header: '节假日说明', aliases: ['节假日备注'], required: false, help: '选填：给骑手看的一句话，如 春节期间暂停开放' },
  { key: 'id', header: '编号', aliases: ['驿站编号', 'ID', 'id'], required: false, help: '新建的驿站不填；要修改已有的驿站，填导出表格里的编号' },
]

export const CSV_HEADER_OF: Record<CsvColumnKey, string> = Object.fromEntries(CSV_COLUMNS.map((c) => [c.key, c.header])) as Record<CsvColumnKey, string>

/** A clerk's header cell → its column (trimmed, a trailing “（选填）” or “*” ignored). */
export function columnOfHeader(cell: string): CsvColumn | undefined {
  const h = cell.trim().replace(/[（(][^）)]*[）)]$/, '').replace(/[*＊]$/, '').trim()
  return CSV_COLUMNS.find((c) => c.header === h || c.aliases.includes(h))
}

/** The template's example rows are marked so an import that still holds one refuses it instead of creating it. */
export const EXAMPLE_PREFIX = '示例：'

/** Two filled rows for the template download; `id` empty (new stations). */
export const TEMPLATE_ROWS: readonly Record<CsvColumnKey, string>[] = [
  {
    name: `${EXAMPLE_PREFIX}南大街暖心驿站`, type: '暖心驿站', address: '崇川区南大街 28 号', longitude: '120.8645', latitude: '32.0106',
    hours: '周一至周五 08:00-20:00；周六、周日 09:00-18:00', services: '休息、饮水、热饭、充电/换电、卫生间', phone: '0513-85123456',
    holidayHours: '休息', holidayNote: '春节期间暂停开放', id: '',
  },
  {
    name: `${EXAMPLE_PREFIX}钟秀路小蜜蜂驿站`, type: '小蜜蜂驿站', address: '崇川区钟秀中路 99 号', longitude: '120.8890', latitude: '32.0302',
    hours: '24小时', services: '休息、饮水、卫生间、Wi-Fi', phone: '', holidayHours: '', holidayNote: '', id: '',
  },
]

// ── cells ────────────────────────────────────────────────────────────────────────────────────────────────────

const FULL_WIDTH_DIGIT = /[０-９]/g
const ascii = (t: string) => t.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, '.')

/**
 * The export defuses a cell that a spreadsheet would run as a formula (= + - @ first) with an apostrophe; the import
 * takes it off again, so a round trip is unchanged.
 */
export function undefuse(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell
}

/** One CSV cell: quoted when it holds a comma, quote or line break; a formula-looking start defused. */
export function csvCell(value: string): string {
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The file: a UTF-8 byte-order mark (Excel shows Chinese garbled without it), CRLF line ends, the header first. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: string }

export function parseTypeCell(cell: string): CellResult<StationType> {
  const t = cell.trim()
  const found = STATION_TYPES.find((k) => STATION_TYPE_LABELS[k] === t || k === t)
  return found ? { ok: true, value: found } : { ok: false, problem: t ? `“${t}”不是可选的类型，请填 ${STATION_TYPES.map((k) => STATION_TYPE_LABELS[k]).join('、')} 之一` : '请填写类型' }
}

/** Words clerks use for a service besides its label. */
const SERVICE_ALIASES: Record<string, StationService> = {
  歇脚: 'rest', 休息区: 'rest', 热水: 'water', 喝水: 'water', 饮用水: 'water', 饮水机: 'water', 微波炉: 'meal', 加热: 'meal', 热饭菜: 'meal',
  充电: 'charge', 换电: 'charge', 充换电: 'charge', 充电换电: 'charge', 厕所: 'toilet', 洗手间: 'toilet', 医药箱: 'medicine', 药品: 'medicine',
  法律: 'legal', 法律援助: 'legal', 货车停车位: 'truckParking', 停车: 'truckParking', 洗澡: 'shower', 洗衣机: 'laundry', wifi: 'wifi', WiFi: 'wifi',
  WIFI: 'wifi', 无线网: 'wifi',
}

/** `休息、饮水、热饭` (also separated by ; ， or spaces) → the services, each once. */
export function parseServicesCell(cell: string): CellResult<StationService[]> {
  const tokens = cell.split(/[、;；,，\s]+/).map((t) => t.trim()).filter(Boolean)
  if (!tokens.length) return { ok: false, problem: '请至少填一项服务' }
  const out: StationService[] = []
  for (const token of tokens) {
    const s = STATION_SERVICES.find((k) => STATION_SERVICE_LABELS[k] === token || k === token) ?? SERVICE_ALIASES[token]
    if (!s) return { ok: false, problem: `“${token}”不是可选的服务，可选：${STATION_SERVICES.map((k) => STATION_SERVICE_LABELS[k]).join('、')}` }
    if (!out.includes(s)) out.push(s)
  }
  return { ok: true, value: out }
}

export function formatServicesCell(services: readonly StationService[]): string {
  return services.map((s) => STATION_SERVICE_LABELS[s]).join('、')
}

/** Jiangsu's extent with a margin: a point outside is a typo or a swapped pair, not a station. */
const LNG = { min: 116, max: 122.5 }
const LAT = { min: 30.5, max: 35.5 }
const inLng = (v: number) => v >= LNG.min && v <= LNG.max
const inLat = (v: number) => v >= LAT.min && v <= LAT.max

function number(cell: string): number | null {
  const t = ascii(cell.trim())
  return /^\d{1,3}(\.\d{1,15})?$/.test(t) ? Number(t) : null
}

/** Both coordinates at once: a pair typed the wrong way round is named as such. */
export function parsePositionCells(lngCell: string, latCell: string): { longitude: CellResult<number>; latitude: CellResult<number> } {
  const lng = number(lngCell)
  const lat = number(latCell)
  const missing = (cell: string, what: string, eg: string): CellResult<number> => ({ ok: false, problem: cell.trim() ? `“${cell.trim()}”不是数字，请只填数字，如 ${eg}` : `请填写${what}` })
  if (lng !== null && lat !== null && !inLng(lng) && !inLat(lat) && inLng(lat) && inLat(lng)) {
    const swapped: CellResult<number> = { ok: false, problem: '经度和纬度好像填反了：江苏的经度在 116 到 122 之间，纬度在 30 到 35 之间' }
    return { longitude: swapped, latitude: swapped }
  }
  return {
    longitude: lng === null ? missing(lngCell, '经度', '120.8645') : inLng(lng) ? { ok: true, value: lng } : { ok: false, problem: `${lng} 不在江苏省内，江苏的经度在 116 到 122 之间，请从地图上重新取点` },
    latitude: lat === null ? missing(latCell, '纬度', '32.0106') : inLat(lat) ? { ok: true, value: lat } : { ok: false, problem: `${lat} 不在江苏省内，江苏的纬度在 30 到 35 之间，请从地图上重新取点` },
  }
}

// ── the hours cell ───────────────────────────────────────────────────────────────────────────────────────────

const DAY_CHAR: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, 七: 6, '1': 0, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6 }
const DAY = '(?:周|星期|礼拜)[一二三四五六日天七]'
const DAY_TAIL = '(?:(?:周|星期|礼拜)?[一二三四五六日天七])'
const GROUP = `(?:${DAY}|每天|每日|天天|工作日|周末)`
const RANGE = '(?:至|到|~|～|-|—|–)'
const LIST = '(?:、|，|,|和|及|\\s*/\\s*)'
/** A segment: the days, then (after a space or a colon, or nothing) that day's hours. */
const SEGMENT = new RegExp(`^(${GROUP}(?:\\s*(?:${RANGE}|${LIST})\\s*(?:${GROUP}|${DAY_TAIL}))*)\\s*[:：]?\\s*(.*)$`)
const STARTS_WITH_DAYS = new RegExp(`^${GROUP}`)

/** Times typed with a full-width colon or digits (`０８：００`) read as `08:00`. */
const normaliseTimes = (t: string) => ascii(t).replace(/(\d)\s*：\s*(\d)/g, '$1:$2')

function dayOf(token: string): number | null {
  const ch = token.replace(/^(周|星期|礼拜)/, '')
  return ch.length === 1 && ch in DAY_CHAR ? DAY_CHAR[ch] : null
}

/** `周一至周五、周日` → [0,1,2,3,4,6]; a range may wrap (`周六至周一`). */
function daysOf(expr: string): number[] | null {
  const out: number[] = []
  for (const item of expr.split(new RegExp(LIST)).map((s) => s.trim()).filter(Boolean)) {
    if (/^(每天|每日|天天)$/.test(item)) out.push(0, 1, 2, 3, 4, 5, 6)
    else if (item === '工作日') out.push(0, 1, 2, 3, 4)
    else if (item === '周末') out.push(5, 6)
    else {
      const ends = item.split(new RegExp(RANGE)).map((s) => s.trim())
      if (ends.length === 1) {
        const d = dayOf(ends[0])
        if (d === null) return null
        out.push(d)
      } else if (ends.length === 2) {
        const a = dayOf(ends[0])
        const b = dayOf(ends[1])
        if (a === null || b === null) return null
        for (let d = a; ; d = (d + 1) % 7) {
          out.push(d)
          if (d === b) break
        }
      } else return null
    }
  }
  return out
}

/**
 * The hours cell → the seven weekday texts (Monday first) as station-hours.ts reads them. Either one text for every
 * day (`08:00-20:00`, `24小时`, `08:00-12:00,14:00-20:00`), or segments separated by `；`, each days then hours
 * (`周一至周五 08:00-20:00；周六、周日 09:00-18:00；周三 休息`). Days left out are closed; a day named twice is refused.
 */
export function parseHoursCell(cell: string): CellResult<string[]> {
  const t = normaliseTimes(cell.trim())
  if (!t) return { ok: false, problem: '请填写开放时间，如 08:00-20:00 或 24小时' }
  if (!STARTS_WITH_DAYS.test(t)) {
    const r = parseDayHours(t)
    return r.ok ? { ok: true, value: Array(7).fill(t) } : { ok: false, problem: r.problem }
  }
  const week: (string | null)[] = Array(7).fill(null)
  for (const segment of t.split(/\s*[；;\n]+\s*/).filter(Boolean)) {
    const m = SEGMENT.exec(segment)
    const days = m ? daysOf(m[1]) : null
    if (!m || !days) return { ok: false, problem: `“${segment}”看不懂，请写成 周一至周五 08:00-20:00，几段之间用“；”隔开` }
    const hours = m[2].trim()
    if (!hours) return { ok: false, problem: `“${segment}”后面要写时间，如 ${m[1]} 08:00-20:00，不开写 ${m[1]} 休息` }
    const r = parseDayHours(hours)
    if (!r.ok) return { ok: false, problem: `“${segment}”：${r.problem}` }
    for (const d of days) {
      if (week[d] !== null) return { ok: false, problem: `${WEEKDAY_LABELS[d]}写了两次，请只写一次` }
      week[d] = hours
    }
  }
  return { ok: true, value: week.map((h) => h ?? '') }
}

const isClosed = (text: string) => {
  const r = parseDayHours(text)
  return r.ok && r.intervals.length === 0
}

/** `周一至周五`, `周六、周日`, `周一、周三至周五`: runs of three or more days as a range. */
function daysWords(days: number[]): string {
  const runs: number[][] = []
  for (const d of days) {
    const last = runs[runs.length - 1]
    if (last && last[last.length - 1] === d - 1) last.push(d)
    else runs.push([d])
  }
  return runs
    .flatMap((r) => (r.length >= 3 ? [`${WEEKDAY_LABELS[r[0]]}至${WEEKDAY_LABELS[r[r.length - 1]]}`] : r.map((d) => WEEKDAY_LABELS[d])))
    .join('、')
}

/** The seven texts → the cell, as parseHoursCell reads it back: one text when every day is alike, else segments. */
export function formatHoursCell(hours: readonly string[]): string {
  // A day's own separators would split the segment on the way back: within a day they all mean “and”.
  const texts = hours.map((h) => (isClosed(h) ? '休息' : h.trim().replace(/\s*[；;、，]\s*/g, ',')))
  if (texts.every((x) => x === texts[0])) return texts[0]
  const groups = new Map<string, number[]>()
  texts.forEach((x, d) => groups.set(x, [...(groups.get(x) ?? []), d]))
  return [...groups.entries()].map(([text, days]) => `${daysWords(days)} ${text}`).join('；')
}

/** Whether two weeks of texts open and close at the same times (`''` and `休息` alike, `8:00` and `08:00` alike). */
export function sameHours(a: readonly string[], b: readonly string[]): boolean {
  const key = (t: string) => {
    const r = parseDayHours(t)
    return r.ok ? JSON.stringify(r.intervals) : `?${t.trim()}`
  }
  return a.length === b.length && a.every((t, i) => key(t) === key(b[i]))
}
