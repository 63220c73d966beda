import { Text, View } from '@tarojs/components'
import { FINAL_STATUSES, type ApplicationView, type TimelineEntry } from '~types/application.schema'
import { formatDateTime } from '~types/format'
import { APPLICANT_STEP_WORDS } from '~types/steps'
import { AttachmentList } from '../../../../components/attachment-list'
import { APPLICANT_KINDS } from '../../kinds'
import { Card, Row } from '../../lib/card'
import { deadlineOf } from '../../lib/words'

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
      {view.urgent && !FINAL_STATUSES.includes(view.status) && APPLICANT_KINDS[view.kind].urgentNote ? <Text className="clock__note">{APPLICANT_KINDS[view.kind].urgentNote}</Text> : null}
    </Card>
  )
}

/** The decision: the kind's details (who takes the case and a number to call), or why not and where to turn. */
export function DecisionCard({ view }: { view: ApplicationView }) {
  const decision = view.decision!
  const kind = APPLICANT_KINDS[view.kind]
  if (decision.result === 'rejected') {
    return (
      <Card title="× 申请未获批准" tone="bad">
        <Row label="理由">
          <Text className="row__text">{decision.reason ?? '—'}</Text>
        </Row>
        <Text className="clock__note">{`决定于 ${formatDateTime(decision.at)}。${kind.appeal}`}</Text>
      </Card>
    )
  }
  return (
    <Card title="✓ 申请已批准" tone="good">
      <kind.ApprovedRows details={decision.details ?? {}} />
      {decision.note ? (
        <Row label="备注">
          <Text className="row__text">{decision.note}</Text>
        </Row>
      ) : null}
      <Text className="clock__note">{`决定于 ${formatDateTime(decision.at)}`}</Text>
    </Card>
  )
}

/** What was filed, read back in plain Chinese by the kind, with the files. */
export function RequestCard({ view }: { view: ApplicationView }) {
  const { RequestRows } = APPLICANT_KINDS[view.kind]
  return (
    <Card title="申请内容">
      <RequestRows view={view} />
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
            <Text className="timeline__step">{APPLICANT_STEP_WORDS[e.step] ?? e.step}</Text>
            {e.note ? <Text className="timeline__note">{e.note}</Text> : null}
          </View>
        ))}
      </View>
    </Card>
  )
}
