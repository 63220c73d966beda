import { Text } from '@tarojs/components'
import {
  EDUCATION_LABELS,
  HONOUR_TIER_LABELS,
  OFFER_TYPE_LABELS,
  SKILL_LEVEL_LABELS,
  type EnrolmentPayload,
  type SkillSubsidyPayload,
  type SubsidyDecision,
  type TuitionSubsidyPayload,
} from '~types/academy.schema'
import { formatFen } from '~types/money'
import { Row } from '../lib/card'
import type { ApplicantKind } from './index'

const APPEAL = '如有疑问，可以联系所在区县的江海新才学院工作人员，或拨打 12333 人社服务热线咨询。'

export const enrolmentApplicant: ApplicantKind = {
  RequestRows({ view }) {
    const p = view.payload as Partial<EnrolmentPayload>
    return (
      <>
        <Row label="报名">
          <Text className="row__text">{`${p.offerType ? OFFER_TYPE_LABELS[p.offerType] : ''}：${p.offerTitle ?? '—'}`}</Text>
        </Row>
        <Row label="名额">
          <Text className="row__text">{p.seated ? '已为您保留名额' : `候补第 ${p.waitlistNo ?? '?'} 号，有人退出时按顺序递补`}</Text>
        </Row>
        {p.education ? (
          <Row label="最高学历">
            <Text className="row__text">{EDUCATION_LABELS[p.education]}</Text>
          </Row>
        ) : null}
      </>
    )
  },
  ApprovedRows: () => (
    <Row label="接下来">
      <Text className="row__text">上课时间、地点和学分都在“我的学习”里</Text>
    </Row>
  ),
  approvedNext: '已录取：按时上课',
  appeal: APPEAL,
}

function AmountRows({ details }: { details: Record<string, unknown> }) {
  const d = details as Partial<SubsidyDecision>
  return (
    <>
      <Row label="批准金额">
        <Text className="row__text">{typeof d.amountFen === 'number' ? formatFen(d.amountFen) : '—'}</Text>
      </Row>
      {d.lowerReason ? (
        <Row label="核定理由">
          <Text className="row__text">{d.lowerReason}</Text>
        </Row>
      ) : null}
      <Row label="怎么发">
        <Text className="row__text">发到您的社会保障卡银行账户，一般在每月 25 日前后</Text>
      </Row>
    </>
  )
}

function Reasoning({ lines }: { lines?: string[] }) {
  return (
    <Row label="怎么算的">
      {(lines ?? []).map((l) => (
        <Text key={l} className="row__sub">{l}</Text>
      ))}
    </Row>
  )
}

const subsidyDecided: Omit<ApplicantKind, 'RequestRows'> = { ApprovedRows: AmountRows, approvedNext: '已批准：等待发放', appeal: APPEAL }

export const skillSubsidyApplicant: ApplicantKind = {
  ...subsidyDecided,
  RequestRows({ view }) {
    const p = view.payload as Partial<SkillSubsidyPayload>
    return (
      <>
        <Row label="证书">
          <Text className="row__text">{`${p.occupation ?? ''} ${p.level ? SKILL_LEVEL_LABELS[p.level] : ''}`}</Text>
          <Text className="row__sub">{`编号 ${p.number ?? '—'}，${p.issuedOn ?? ''} 发证`}</Text>
        </Row>
        <Row label="按规则可得">
          <Text className="row__text">{typeof p.computedFen === 'number' ? formatFen(p.computedFen) : '—'}</Text>
        </Row>
        <Reasoning lines={p.reasoning} />
      </>
    )
  },
}

export const tuitionSubsidyApplicant: ApplicantKind = {
  ...subsidyDecided,
  RequestRows({ view }) {
    const p = view.payload as Partial<TuitionSubsidyPayload>
    return (
      <>
        <Row label="专业与学年">
          <Text className="row__text">{`${p.offerTitle ?? '—'} 第 ${p.yearNo ?? '?'} 学年`}</Text>
        </Row>
        <Row label="实际缴纳">
          <Text className="row__text">{typeof p.paidFen === 'number' ? formatFen(p.paidFen) : '—'}</Text>
        </Row>
        <Row label="荣誉">
          <Text className="row__text">{p.tier ? HONOUR_TIER_LABELS[p.tier] : '—'}</Text>
        </Row>
        <Reasoning lines={p.reasoning} />
      </>
    )
  },
}
