import { type CoverageItem, type CoverageView, type SchemeInput, type SchemeView } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { findCity, findDistrict, regionLabel } from '~types/regions'
import { todayOf } from '~types/time'
import { DEFAULT_SCHEMES } from '../../../config/insurance'
import { AUDIT } from '../audit/audit'
import { invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { inTransaction } from '../db/transaction'
import type { UserDoc } from '../user/user.doc'

export const SCHEMES = 'insurance_schemes'

interface SchemeDoc extends SchemeInput {
  _id: string
  savedAt: Date
  savedBy: string
}

const idOf = (s: Pick<SchemeInput, 'key' | 'effectiveFrom'>) => `${s.key}@${s.effectiveFrom}`

/**
 * Every version on record (a handful per scheme) and the configured defaults as first versions: a version entered
 * later takes over from its date, and the default still answers for the days before it.
 */
async function allVersions(rt: Runtime): Promise<SchemeDoc[]> {
  const { data } = await rt.db.collection(SCHEMES).limit(1000).get()
  const entered = data as SchemeDoc[]
  const ids = new Set(entered.map((s) => s._id))
  const defaults = DEFAULT_SCHEMES.filter((s) => !ids.has(idOf(s))).map((s) => ({ ...s, _id: idOf(s), savedAt: new Date(0), savedBy: 'config' }))
  return [...entered, ...defaults]
}

/** Per scheme, the version in force on `today`: the latest whose effectiveFrom has come. */
function inForceOf(versions: SchemeDoc[], today: string): Map<string, SchemeDoc> {
  const out = new Map<string, SchemeDoc>()
  for (const v of versions) {
    if (v.effectiveFrom > today) continue
    const seen = out.get(v.key)
    if (!seen || seen.effectiveFrom < v.effectiveFrom) out.set(v.key, v)
  }
  return out
}

const viewOf = (s: SchemeDoc, inForce: boolean): SchemeView => {
  const { _id, savedAt, savedBy, ...input } = s
  return { ...input, id: _id, inForce }
}

export async function schemesInForce(rt: Runtime): Promise<SchemeView[]> {
  const today = todayOf(rt.now())
  return [...inForceOf(await allVersions(rt), today).values()].map((s) => viewOf(s, true))
}

/** The admin's list: versions in force, and with `all` the past and scheduled ones too. */
export async function listSchemes(rt: Runtime, all: boolean): Promise<SchemeView[]> {
  const today = todayOf(rt.now())
  const versions = await allVersions(rt)
  const current = inForceOf(versions, today)
  const inForce = (s: SchemeDoc) => current.get(s.key)?._id === s._id
  return versions.filter((s) => all || inForce(s)).sort((a, b) => a.key.localeCompare(b.key) || b.effectiveFrom.localeCompare(a.effectiveFrom)).map((s) => viewOf(s, inForce(s)))
}

/**
 * A new version of a scheme from a date (today or later: what applied before stays as it was — a claim is judged
 * by the version of its day). Audited with the version it replaces.
 */
export async function saveScheme(rt: Runtime, admin: UserDoc, input: SchemeInput): Promise<SchemeView[]> {
  const today = todayOf(rt.now())
  if (input.effectiveFrom < today) throw invalidField('effectiveFrom', '生效日期不能早于今天：已经适用过的版本不能改，请从今天或以后生效')
  for (const r of input.regions) if (!findDistrict(r) && !findCity(r)) throw invalidField('regions', `没有这个城市或区县：${r}`)
  const now = rt.now()
  const versions = await allVersions(rt)
  const replaced = inForceOf(versions.filter((v) => v.key === input.key), input.effectiveFrom).get(input.key) ?? null
  if (replaced && replaced.kind !== input.kind) throw invalidField('kind', '同一方案的类型不能改，请用新的方案代码')
  await inTransaction(rt.db, async (tx: Transaction) => {
    const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
    await tx.collection(SCHEMES).doc(idOf(input)).set({ ...clean, savedAt: now, savedBy: admin._id })
    await tx.collection(AUDIT).add({
      actorId: admin._id, actorRole: 'admin', action: 'insurance.saveScheme', targetType: 'insuranceScheme', targetId: idOf(input),
      from: replaced ? replaced._id : null, to: input, at: now,
    })
  })
  return listSchemes(rt, true)
}

const inRegion = (regions: readonly string[], district: string) => regions.includes(district) || regions.includes(findDistrict(district)?.cityCode ?? '')
/** Platforms as people write them: “美团外卖” is 美团, “曹操出行APP” is 曹操出行. */
const listedPlatform = (platforms: readonly string[], platform: string) => platforms.find((p) => platform.replace(/\s/g, '').includes(p))

/**
 * Am I covered? Each scheme in force, read against the profile (occupation, platform, district), in plain words:
 * what applies, what it pays, what it costs. Pass the schemes in force when the caller has them (one read less).
 */
export async function coverage(rt: Runtime, user: UserDoc, inForce?: SchemeView[]): Promise<CoverageView> {
  const p = user.profile!
  const items: CoverageItem[] = (inForce ?? (await schemesInForce(rt))).map((s) => {
    const base = {
      schemeId: s.id, schemeKey: s.key, kind: s.kind, name: s.name, insurer: s.insurer, benefits: s.benefits, claimRules: s.claimRules,
      cost: s.kind === 'pilot' ? '不用您交钱，平台按单缴费' : `每年 ${formatFen(s.premiumFen!)}`,
      cap: s.kind === 'commercial' ? `每人每年最高赔付 ${formatFen(s.annualCapFen!)}` : null,
    }
    if (!inRegion(s.regions, p.districtCode)) {
      return { ...base, state: 'notInRegion' as const, headline: s.kind === 'commercial' ? `这是${regionsWords(s.regions)}的保险，您所在的${regionLabel(p.districtCode)}不能参加` : `这项保障还没有覆盖${regionLabel(p.districtCode)}` }
    }
    if (s.kind === 'commercial') return { ...base, state: 'canEnrol' as const, headline: `您可以参加：${base.cost}，${base.cap}。已参加工伤保险的不能参加。` }
    if (!s.occupations!.includes(p.occupation)) return { ...base, state: 'notForOccupation' as const, headline: `这项保障覆盖${s.occupations!.join('、')}，不包括${p.occupation}` }
    const listed = listedPlatform(s.platforms!, p.platform)
    if (!listed) return { ...base, state: 'platformNotListed' as const, headline: `您填的平台“${p.platform}”不在名单里（${s.platforms!.join('、')}），可以向平台确认是否已为您参保` }
    return { ...base, state: 'coveredByPlatform' as const, headline: `您在${listed}接单时受伤有保障：${base.cost}。受伤后马上报案。` }
  })
  const order: Record<CoverageItem['state'], number> = { coveredByPlatform: 0, canEnrol: 1, platformNotListed: 2, notForOccupation: 3, notInRegion: 4 }
  items.sort((a, b) => order[a.state] - order[b.state])
  return { basis: { occupation: p.occupation, platform: p.platform, regionLabel: regionLabel(p.districtCode) }, items }
}

function regionsWords(regions: readonly string[]): string {
  const names = regions.map((r) => (findDistrict(r) ? regionLabel(r) : (findCity(r)?.name ?? r))).slice(0, 3)
  return names.join('、') + (regions.length > 3 ? '等地' : '')
}

