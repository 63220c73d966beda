import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { FINAL_STATUSES, type ApplicationView, type TimelineEntry } from '~types/application.schema'
import { formatDateTime } from '~types/format'
import { CASE_TYPE_LABELS, PARTY_LABELS, type LegalAidInput } from '~types/legal-aid.schema'
import { AttachmentList } from '../../../../components/attachment-list'
import { fenToYuan } from '../../lib/money'
import { STEP_WORDS, deadlineOf } from '../../lib/words'

/** A titled card. */
export function Card({ title, children, tone }: { title: string; children: ReactNode; tone?: 'alert' | 'good' | 'bad' }) {
  return (
    <View className={`card${tone ? ` card--${tone}` : ''}`} role="region" aria-label={title}>
      <Text className="card__title">{title}</Text>
      {children}
    </View>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="row">
      <Text className="row__label">{label}</Text>
      <View className="row__value">{children}</View>
    </View>
  )
}

export function DeadlineCard({ view }: { view: ApplicationView }) {
  const d = deadlineOf(view)
  return (
    <Card title="什么时候有结果" tone={d.paused ? 'alert' : undefined}>
      <Text className="clock__title">{d.title}</Text>
      {d.text ? <Text className="clock__text">{d.text}</Text> : null}
      {view.clock.extended ? <Text className="clock__note">工作人员延长过一次审查期限（最多只能延长一次）。</Text> : null}
      {view.clock.provisional ? (
        <Text className="clock__note">⚠ 这个期限是暂定的：明年的放假安排还没公布，先按周末算，公布后可能会调整几天。</Text>
      ) : null}
      {view.urgent && !FINAL_STATUSES.includes(view.status) ? <Text className="clock__note">⚠ 您标记了紧急情况，工作人员可以在作出决定前先为您提供法律援助。</Text> : null}
    </Card>
  )
}

/** The decision: who takes the case and a number to call, or why not. */
export function DecisionCard({ decision }: { decision: NonNullable<ApplicationView['decision']> }) {
  if (decision.result === 'rejected') {
    return (
      <Card title="✕ 申请未获批准" tone="bad">
        <Row label="理由">
          <Text className="row__text">{decision.reason ?? '—'}</Text>
        </Row>
        <Text className="clock__note">{`决定于 ${formatDateTime(decision.at)}。如对这个决定有异议，可以向所在区县的司法局提出（法律援助法第四十九条）。`}</Text>
      </Card>
    )
  }
  const contact = decision.contact
  return (
    <Card title="✓ 申请已批准" tone="good">
      <Row label="承办机构或律师">
        <Text className="row__text">{decision.agency ?? '—'}</Text>
      </Row>
      {contact ? (
        <Row label="联系电话">
          <View className="call" role="link" aria-label={`拨打 ${contact}`} onClick={() => void Taro.makePhoneCall({ phoneNumber: contact })}>
            {`点这里拨打 ${contact}`}
          </View>
        </Row>
      ) : null}
      <Text className="clock__note">{`决定于 ${formatDateTime(decision.at)}`}</Text>
    </Card>
  )
}

type LegalAidPayload = Partial<LegalAidInput> & { hardshipExempt?: boolean }

/** What was filed, read back in plain Chinese. */
export function RequestCard({ view }: { view: ApplicationView }) {
  if (view.kind !== 'legalAid') {
    return (
      <Card title="申请内容">
        <Text className="row__text">{view.summary}</Text>
      </Card>
    )
  }
  const p = view.payload as LegalAidPayload
  const urgent = [p.urgent?.limitationEndsSoon ? '再过 7 天就过了打官司的期限（诉讼时效）' : '', p.urgent?.preservationNeeded ? '需要马上申请财产保全' : ''].filter(Boolean)
  return (
    <Card title="申请内容">
      <Row label="遇到的问题">
        <Text className="row__text">{p.caseType ? CASE_TYPE_LABELS[p.caseType] : '—'}</Text>
      </Row>
      <Row label="对方">
        <Text className="row__text">{p.otherParty ? `${PARTY_LABELS[p.otherParty.kind] ?? ''}：${p.otherParty.name}` : '—'}</Text>
        {p.otherParty?.contact ? <Text className="row__sub">{`联系方式：${p.otherParty.contact}`}</Text> : null}
      </Row>
      <Row label="要讨回的钱">
        <Text className="row__text">{typeof p.amountFen === 'number' && p.amountFen > 0 ? fenToYuan(p.amountFen) : '没有填写'}</Text>
      </Row>
      <Row label="发生了什么">
        <Text className="row__text row__text--long">{p.facts ?? '—'}</Text>
      </Row>
      <Row label="紧急情况">
        <Text className="row__text">{urgent.length ? `⚠ ${urgent.join('；')}` : '没有'}</Text>
      </Row>
      <Row label="经济困难">
        <Text className="row__text row__text--long">{p.hardshipExempt ? '不需要证明（拖欠工资、工伤赔偿）' : p.hardship ? p.hardship : '—'}</Text>
      </Row>
      <Row label="附件">
        <AttachmentList files={view.attachments} empty="没有附件" />
      </Row>
    </Card>
  )
}

/** Every step that concerns the applicant, oldest first. */
export function TimelineCard({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Card title="办理记录">
      <View className="timeline" role="list" aria-label="办理记录">
        {entries.map((e, i) => (
          <View key={`${e.at}-${i}`} className="timeline__entry" role="listitem">
            <Text className="timeline__at">{formatDateTime(e.at)}</Text>
            <Text className="timeline__step">{STEP_WORDS[e.step] ?? e.step}</Text>
            {e.note ? <Text className="timeline__note">{e.note}</Text> : null}
          </View>
        ))}
      </View>
    </Card>
  )
}
