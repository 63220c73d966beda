import type { ApplicationView } from '~types/application.schema'
import { BODY_PART_LABELS, EVIDENCE_ITEMS, type InjuryClaimPayload, type ReportInput } from '~types/insurance.schema'
import { dayjs, inZone, ZONE } from '~types/time'
import { AppError, invalidField } from '../core/app-error'
import type { ReplayRecorder } from '../core/idempotency'
import type { Runtime } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import { useCalendar } from '../workflow/calendar.service'
import { openApplication } from '../workflow/open-application'
import { addWorkingDays } from '../workflow/working-days'
import { POLICIES, type PolicyDoc } from './policy.doc'
import { coverage, schemesInForce } from './scheme.service'

/** A claim can be reported up to two years after the injury (the longest self-filing rule seen); later is a typo. */
const MAX_AGE_DAYS = 730

/**
 * 一键报案: the claim exists the moment the worker taps — so the reporting deadline is met — with what was known on
 * the spot; evidence follows item by item. The scheme must cover the worker: the pilot by platform and city, a
 * commercial scheme by a policy in force when it happened. The deadlines are the scheme's own (per province).
 */
export async function reportInjury(rt: Runtime, user: UserDoc, input: ReportInput, recorder?: ReplayRecorder): Promise<ApplicationView> {
  const now = rt.now()
  const occurred = new Date(input.occurredAt)
  if (occurred > now) throw invalidField('occurredAt', '受伤时间不能晚于现在')
  if (now.getTime() - occurred.getTime() > MAX_AGE_DAYS * 86_400_000) throw invalidField('occurredAt', '受伤时间超过两年了，请核对')
  const schemes = await schemesInForce(rt)
  const cov = await coverage(rt, user, schemes)
  const scheme = schemes.find((s) => s.key === input.schemeKey)
  const item = cov.items.find((i) => i.schemeId === scheme?.id)
  if (!scheme || !item) throw invalidField('schemeKey', '没有这个保障')
  let policy: PolicyDoc | null = null
  if (scheme.kind === 'pilot') {
    if (item.state !== 'coveredByPlatform') throw new AppError('FORBIDDEN', item.headline)
  } else {
    const _ = rt.db.command
    const { data } = await rt.db.collection(POLICIES).where({ userId: user._id, schemeKey: scheme.key, startsAt: _.lte(occurred), endsAt: _.gt(occurred) }).limit(1).get()
    policy = (data[0] as PolicyDoc | undefined) ?? null
    if (!policy) throw new AppError('FORBIDDEN', `受伤时您没有生效的“${scheme.name}”保单（保单从缴费后第二天零点起生效）。如果是在平台接单时受伤，请选择平台的职业伤害保障`)
  }
  if (input.advanceFen !== undefined && policy && input.advanceFen > policy.capLeftFen) throw invalidField('advanceFen', '预付金额超过了保单剩余的保额')
  await useCalendar(rt)
  const selfBy = dayjs.tz(inZone(occurred).format('YYYY-MM-DD'), ZONE).add(scheme.claimRules.selfFilesWithinDays, 'day').endOf('day').toDate()
  const late = now > selfBy
  const payload: InjuryClaimPayload = {
    schemeKey: scheme.key, schemeKind: scheme.kind, schemeName: scheme.name,
    policyId: policy?._id ?? null, policyNumber: policy?.number ?? null,
    occurredAt: occurred.toISOString(), place: input.place, what: input.what, bodyPart: input.bodyPart, hospital: input.hospital || null,
    deadlines: { platformBy: addWorkingDays(occurred, scheme.claimRules.platformFilesWithinWorkingDays).dueAt.toISOString(), selfBy: selfBy.toISOString(), late },
    evidence: Object.fromEntries(EVIDENCE_ITEMS.map((k) => [k, { needed: k !== 'lateNote' || (late && scheme.claimRules.lateNeedsExplanation), received: false, files: [] as string[] }])) as unknown as InjuryClaimPayload['evidence'],
    advance: { requestedFen: input.advanceFen ?? 0, decision: null },
    payouts: [],
  }
  return openApplication(rt, user, {
    kind: 'injuryClaim',
    // The scheme's staff where the worker is registered (a policy's district, else the profile's).
    district: policy?.district ?? user.profile!.districtCode,
    payload: payload as unknown as Record<string, unknown>,
    summary: `${inZone(occurred).format('M月D日 HH:mm')} ${input.place.text} · ${BODY_PART_LABELS[input.bodyPart]}`,
    // A hospital deposit waiting to be paid comes first in the queue.
    urgent: (input.advanceFen ?? 0) > 0,
    attachments: [],
  }, recorder)
}
