import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ApplicationView } from '~types/application.schema'
import { formatDateTime } from '~types/format'
import { BENEFIT_LABELS, BODY_PART_LABELS, EVIDENCE_ITEMS, EVIDENCE_LABELS, POLICY_STATE_LABELS, RELATION_LABELS, type ClaimDecision, type InjuryClaimPayload, type InsuranceEnrolmentPayload, type PolicyView } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { api } from '../../../api/client'
import { ActionButton } from '../../../components/action-button'
import { routes } from '../../../routes'
import { Row } from '../lib/card'
import type { ApplicantKind } from './index'

/** A claim still being decided takes evidence (the same list as the insurance package's evidence page). */
const UNDECIDED: readonly string[] = ['submitted', 'inReview', 'needsMore', 'resubmitted']

const premiumOf = (p: Partial<InsuranceEnrolmentPayload>) => (typeof p.premiumFen === 'number' ? formatFen(p.premiumFen) : '保费')

/**
 * Paid or not, for an approved enrolment: the application stays 已批准 after the premium is paid, so without this the
 * page kept saying “请缴费” to someone whose policy was already running. The policy carries the enrolment's id.
 */
function PremiumRow({ view }: { view: ApplicationView }) {
  // Fetched on mount, not with useRemote: that waits for the page's show event, which has passed by the time a
  // decided application's rows render. Until it answers (or if it fails) the row is left out rather than guessed.
  const [policies, setPolicies] = useState<PolicyView[] | null>(null)
  useEffect(() => {
    let live = true
    api.insurance.policies({}).then((p) => live && setPolicies(p), () => undefined)
    return () => {
      live = false
    }
  }, [view.id, view.version])
  if (!policies) return null
  const policy = policies.find((x) => x.id === view.id)
  return (
    <Row label="缴费">
      {policy ? (
        <Text className="row__text">{`✓ 已缴费：保单 ${policy.number}，${POLICY_STATE_LABELS[policy.state]}`}</Text>
      ) : (
        <>
          <Text className="row__text">{`还没缴费：缴 ${premiumOf(view.payload as Partial<InsuranceEnrolmentPayload>)} 后，第二天零点起保障一年`}</Text>
          <View className="row__sub">
            <ActionButton compact onClick={() => void Taro.navigateTo({ url: `${routes.insurancePay}?id=${encodeURIComponent(view.id)}` })}>
              去缴费
            </ActionButton>
          </View>
        </>
      )}
    </Row>
  )
}

export const insuranceEnrolmentApplicant: ApplicantKind = {
  RequestRows({ view }) {
    const p = view.payload as Partial<InsuranceEnrolmentPayload>
    return (
      <>
        <Row label="方案">
          <Text className="row__text">{p.schemeName ?? '—'}</Text>
          <Text className="row__sub">{`${p.insurer ?? ''}，每年 ${typeof p.premiumFen === 'number' ? formatFen(p.premiumFen) : '—'}`}</Text>
        </Row>
        <Row label="受益人">
          <Text className="row__text">{p.beneficiary ? `${p.beneficiary.name}（${RELATION_LABELS[p.beneficiary.relation]}）` : '—'}</Text>
        </Row>
        {UNDECIDED.includes(view.status) ? (
          <Row label="接下来">
            <Text className="row__text">{`工作人员核对您的登记信息，通过后通知您缴费 ${premiumOf(p)}；缴费后第二天零点起保障一年。`}</Text>
          </Row>
        ) : null}
        {view.status === 'approved' ? <PremiumRow view={view} /> : null}
      </>
    )
  },
  // Whether it is paid is in 申请内容 (缴费): the decision itself only says where both live.
  ApprovedRows: () => (
    <Row label="接下来">
      <Text className="row__text">缴费和保单都在“我的保障”里，缴费后第二天零点起保障一年</Text>
    </Row>
  ),
  // The title of the deadline card and the line in 我的申请: true before and after paying.
  approvedNext: '已通过：缴费后生效',
  appeal: '如有异议，可以联系所在区县人社部门的工作人员，或拨打 12333 咨询。',
}

/** A claim read back to the worker: what was reported, the deadlines, the checklist and the next thing to do. */
export const injuryClaimApplicant: ApplicantKind = {
  RequestRows({ view }) {
    const p = view.payload as Partial<InjuryClaimPayload>
    const items = p.evidence ? EVIDENCE_ITEMS.filter((k) => p.evidence![k].needed) : []
    const missing = items.filter((k) => !p.evidence![k].received)
    const open = UNDECIDED.includes(view.status)
    const payouts = p.payouts ?? []
    return (
      <>
        <Row label="受伤经过">
          <Text className="row__text">{p.occurredAt ? `${formatDateTime(p.occurredAt)} · ${p.place?.text ?? ''}` : '—'}</Text>
          <Text className="row__sub">{`${p.bodyPart ? BODY_PART_LABELS[p.bodyPart] : ''}${p.hospital ? ` · ${p.hospital}` : ''}`}</Text>
          {p.what ? <Text className="row__sub">{p.what}</Text> : null}
        </Row>
        <Row label="期限">
          <Text className="row__text">{p.deadlines ? (p.deadlines.late ? `⚠ 已超过本人申请期限（${formatDateTime(p.deadlines.selfBy)}）：请补一份逾期说明` : `✓ 已按时报案（本人申请期限到 ${formatDateTime(p.deadlines.selfBy)}）`) : '—'}</Text>
        </Row>
        <Row label="材料">
          {items.map((k) => (
            // Decided, a missing item is only what was never sent: “还需要” would ask for it still.
            <Text key={k} className="row__sub">{`${p.evidence![k].received ? '✓ 已收到' : open ? '还需要' : '没有交'}：${EVIDENCE_LABELS[k]}`}</Text>
          ))}
          {/* Once decided nothing more can be added: a “下一步：补上…” there pointed at a step that no longer exists. */}
          {open ? (
            missing.length ? <Text className="row__text">{`下一步：补上${missing.map((k) => EVIDENCE_LABELS[k]).join('、')}`}</Text> : <Text className="row__text">材料齐了，等待审核</Text>
          ) : null}
          {open ? (
            <View className="row__sub">
              <ActionButton variant="secondary" compact onClick={() => void Taro.navigateTo({ url: `${routes.insuranceEvidence}?id=${encodeURIComponent(view.id)}` })}>
                补充材料 ›
              </ActionButton>
            </View>
          ) : null}
        </Row>
        {p.advance?.requestedFen ? (
          <Row label="预付">
            <Text className="row__text">{p.advance.decision ? (p.advance.decision.approved ? `已同意预付 ${formatFen(p.advance.decision.amountFen)}` : `预付未同意：${p.advance.decision.reason ?? ''}`) : `已申请预付 ${formatFen(p.advance.requestedFen)}，等待决定`}</Text>
          </Row>
        ) : null}
        {/* The money itself: each transfer as staff recorded it — before, only the inbox said it had been paid. */}
        {view.status === 'approved' || view.status === 'done' ? (
          <Row label="打款">
            {payouts.length ? (
              <>
                {payouts.map((x) => (
                  <Text key={x.reference + x.at} className="row__sub">{`${x.paidOn} 打款 ${formatFen(x.amountFen)}（流水号 ${x.reference}）`}</Text>
                ))}
                <Text className="row__text">{`共打款 ${formatFen(payouts.reduce((n, x) => n + x.amountFen, 0))}，到账时间以银行为准`}</Text>
              </>
            ) : (
              <Text className="row__text">还没打款，打出后会通知您</Text>
            )}
          </Row>
        ) : null}
      </>
    )
  },
  ApprovedRows({ details }) {
    const d = details as Partial<ClaimDecision>
    return (
      <Row label="核定">
        <Text className="row__text">{`${d.benefit ? BENEFIT_LABELS[d.benefit] : ''}${d.grade ? `（伤残 ${d.grade} 级）` : ''} ${typeof d.amountFen === 'number' ? formatFen(d.amountFen) : ''}`}</Text>
      </Row>
    )
  },
  // Said in 我的申请 before and after the payouts (the 打款 row has each one).
  approvedNext: '已核定：打款会通知您',
  appeal: '如有异议，可以联系所在区县人社部门的工作人员，或拨打 12333 咨询。',
  // A claim is urgent when it asks for the hospital deposit in advance: staff decide that first.
  urgentNote: '⚠ 您申请了预付住院押金，工作人员会先决定预付，再审核理赔。',
}
