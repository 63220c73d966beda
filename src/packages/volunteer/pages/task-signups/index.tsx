import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { formatDateTime } from '~types/format'
import { halfHours, minutesText } from '~types/volunteer-hours'
import { SIGNUP_STATE_LABELS, type RosterRow, type StaffTaskView } from '~types/volunteer-task.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextArea } from '../../../../components/text-area'
import { TextField } from '../../../../components/text-field'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { StatePill, TaskRow } from '../../lib/task-card'
import { hoursToMinutes, volunteerDistricts } from '../../lib/task-draft'
import { countsWords, markWords } from '../../lib/task-words'
import { useStep } from '../../lib/use-step'
import '../../lib/tasks.scss'

const todayText = () => formatDateTime(Date.now()).slice(0, 10)

/** One task at its organiser's desk: the code to show, who signed up and how each checked in, and the hours to confirm. */
export default function TaskSignupsPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const allowed = !!session.user?.ready && volunteerDistricts(session.user).length > 0
  const task = useRemote(() => api.volunteer.staffTask({ id }), allowed && !!id)
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="只有志愿服务工作人员可以查看报名">您没有志愿服务的工作权限。</NoAccess>
  return (
    <DeskPage title={task.data?.title ?? '报名和时长'}>
      <LoadState data={task.data} error={task.error} onRetry={() => void task.reload()} loadingText="正在读取报名…">
        {(t) => <Desk task={t} reload={() => void task.reload()} onRow={(row) => task.setData((prev) => (prev ? { ...prev, roster: prev.roster.map((r) => (r.id === row.id ? row : r)) } : prev))} />}
      </LoadState>
    </DeskPage>
  )
}

function Desk({ task: t, reload, onRow }: { task: StaffTaskView; reload: () => void; onRow: (row: RosterRow) => void }) {
  const step = useStep()
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')
  const [allNote, setAllNote] = useState<string>()
  const notStarted = t.state === 'open' || t.state === 'full'
  const started = t.state === 'started' || t.state === 'ended'
  const onDay = t.status === 'open' && t.date === todayText()
  const confirmAll = async () => {
    const out = await step.run('all', (requestId) => api.volunteer.confirmAll({ taskId: t.id }, { requestId }))
    if (!out) return
    void Taro.showToast({ title: `已确认 ${out.confirmed} 人`, icon: 'success' })
    setAllNote(out.left ? `还有 ${out.left} 人没来得及确认，请再点一次“全部确认”。` : out.skipped ? `${out.skipped} 人签到到签退不到半小时，没有确认，请逐个处理。` : undefined)
    reload()
  }
  const cancel = async () => {
    const out = await step.run(`cancel:${reason}`, (requestId) => api.volunteer.cancelTask({ id: t.id, reason }, { requestId }))
    if (!out) return
    void Taro.showToast({ title: '已取消', icon: 'none' })
    setCancelling(false)
    reload()
  }
  return (
    <>
      <View className="task-card">
        <View className="task-card__top">
          <Text className="task-card__line task-card__line--strong">{t.when}</Text>
          <StatePill task={t} />
        </View>
        <TaskRow label="地点">{t.place.text}</TaskRow>
        <TaskRow label="面向">{t.team ? `${t.where}，仅限“${t.team.name}”队员` : t.where}</TaskRow>
        <TaskRow label="时长">{minutesText(t.minutes)}</TaskRow>
        <TaskRow label="名额">{`${t.slots - t.slotsLeft} / ${t.slots}`}</TaskRow>
        {t.cancelReason ? <TaskRow label="取消原因">{t.cancelReason}</TaskRow> : null}
      </View>
      {t.status === 'open' && t.state !== 'ended' ? (
        <View className="task-checkin" role="region" aria-label="签到码">
          <Text className="task-card__line">签到码（请在现场出示，手机定位不准的人用它签到）</Text>
          <Text className="task-code">{t.code}</Text>
          <Text className="task-card__line">{`到场范围：服务地点 ${t.checkInRadiusM} 米以内可以直接定位签到。`}</Text>
        </View>
      ) : null}
      <View className="task-figures" role="list" aria-label="这项服务的数字">
        <Figure label="报名和签到" value={countsWords(t.counts)} />
        <Figure label="已确认" value={`${halfHours(t.minutesConfirmed)} 小时，积分 ${t.pointsCredited} 分`} />
      </View>
      <View className="task-toolbar">
        {started && t.counts.checkedOut > 0 ? (
          <ActionButton compact busy={step.busy} busyText="正在确认…" onClick={() => void confirmAll()}>
            {`全部确认（已签退的 ${t.counts.checkedOut} 人，按实际时长）`}
          </ActionButton>
        ) : null}
        {t.status === 'open' && notStarted ? (
          <>
            <ActionButton compact variant="secondary" onClick={() => void Taro.navigateTo({ url: `${routes.volunteerTaskEdit}?id=${encodeURIComponent(t.id)}` })}>
              修改
            </ActionButton>
            <ActionButton compact variant="danger" onClick={() => setCancelling(!cancelling)}>
              取消这项服务
            </ActionButton>
          </>
        ) : null}
      </View>
      {allNote ? <Notice kind="warn">{allNote}</Notice> : null}
      {cancelling ? (
        <View className="task-panel" role="group" aria-label="取消这项服务">
          <TextArea label="取消的原因" placeholder="如 天气预报有大雨，改期另行通知" maxlength={200} value={reason} onChange={setReason} error={step.error?.fields.reason} hint="已报名的人会收到这段话" />
          <ActionButton variant="dangerSolid" busy={step.busy} busyText="正在取消…" onClick={() => void cancel()}>
            确认取消
          </ActionButton>
        </View>
      ) : null}
      {step.error && !step.error.fields.reason ? (
        <View role="alert">
          <Notice kind="warn">{step.error.message}</Notice>
        </View>
      ) : null}

      <Text className="section-title">{`报名的人（${t.roster.length}）`}</Text>
      {t.roster.length ? (
        <View role="list" aria-label="报名的人">
          {t.roster.map((r) => (
            <Person key={r.id} row={r} task={t} onDay={onDay} started={started} onRow={onRow} />
          ))}
        </View>
      ) : (
        <Text className="task-card__line">还没有人报名。</Text>
      )}
    </>
  )
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className="task-figure" role="listitem">
      <Text className="task-figure__label">{label}</Text>
      <Text className="task-figure__value">{value}</Text>
    </View>
  )
}

function Person({ row: r, task: t, onDay, started, onRow }: { row: RosterRow; task: StaffTaskView; onDay: boolean; started: boolean; onRow: (row: RosterRow) => void }) {
  const step = useStep()
  const [open, setOpen] = useState(false)
  const served = r.servedMinutes
  const [hours, setHours] = useState(served !== null ? String(halfHours(served)) : '')
  const [reason, setReason] = useState('')
  const [typo, setTypo] = useState<string>()
  const active = t.status === 'open'
  const mark = async (which: 'in' | 'out') => {
    const out = await step.run(`mark:${which}`, (requestId) => api.volunteer.markAttendance({ signupId: r.id, step: which }, { requestId }))
    if (out) onRow(out)
  }
  const confirm = async () => {
    setTypo(undefined)
    const minutes = hours.trim() ? hoursToMinutes(hours) : undefined
    if (minutes === null) return setTypo('时长按半小时填写，如 2 或 2.5')
    const input = { signupId: r.id, ...(minutes !== undefined ? { minutes } : {}), ...(reason.trim() ? { reason } : {}) }
    const out = await step.run(JSON.stringify(input), (requestId) => api.volunteer.confirmHours(input, { requestId }))
    if (!out) return
    setOpen(false)
    onRow(out)
  }
  const noCheckout = r.state === 'signedUp' || r.state === 'checkedIn'
  return (
    <View className="task-card" role="listitem" aria-label={r.name}>
      <View className="task-card__top">
        <Text className="task-person__name">{r.name}</Text>
        <Text className={`task-state task-state--${r.state}`}>{SIGNUP_STATE_LABELS[r.state].replace(/，.*/, '')}</Text>
      </View>
      <Text className="task-card__line">{r.checkIn ? markWords(r.checkIn, '签到') : '没有签到'}</Text>
      {r.checkOut ? <Text className="task-card__line">{markWords(r.checkOut, '签退')}</Text> : null}
      {served !== null ? <Text className="task-card__line task-card__line--strong">{`实际服务 ${minutesText(served)}`}</Text> : null}
      {r.confirmed ? (
        <Text className="task-card__line task-card__line--strong">{`✓ 已确认 ${minutesText(r.confirmed.minutes)}，积分 ${r.confirmed.points} 分${r.confirmed.staffFigure ? '（工作人员认定）' : ''}${r.confirmed.reason ? `：${r.confirmed.reason}` : ''}`}</Text>
      ) : null}
      {active ? (
        <View className="task-card__actions">
          {onDay && r.state === 'signedUp' ? (
            <ActionButton compact variant="secondary" busy={step.busy} busyText="正在代签…" onClick={() => void mark('in')}>
              代签到
            </ActionButton>
          ) : null}
          {onDay && r.state === 'checkedIn' ? (
            <ActionButton compact variant="secondary" busy={step.busy} busyText="正在代签…" onClick={() => void mark('out')}>
              代签退
            </ActionButton>
          ) : null}
          {started && r.state !== 'confirmed' ? (
            <ActionButton compact variant={open ? 'secondary' : 'primary'} onClick={() => setOpen(!open)}>
              {open ? '收起' : '确认时长'}
            </ActionButton>
          ) : null}
        </View>
      ) : null}
      {open ? (
        <View className="task-panel" role="group" aria-label={`确认${r.name}的时长`}>
          <TextField
            label="认定时长（小时）"
            placeholder="如 2.5"
            maxlength={4}
            value={hours}
            onChange={setHours}
            error={typo ?? step.error?.fields.minutes}
            hint={served !== null ? `不能超过实际服务的 ${minutesText(served)}` : `没有签退记录：按现场签到表等填写，最多 ${minutesText(t.minutes)}`}
          />
          <TextField
            label={noCheckout ? '依据（必填）' : '少认定的原因（少于实际时长时必填）'}
            placeholder={noCheckout ? '如 现场纸质签到表' : '如 中途离开一小时'}
            maxlength={200}
            value={reason}
            onChange={setReason}
            error={step.error?.fields.reason}
          />
          <ActionButton busy={step.busy} busyText="正在确认…" onClick={() => void confirm()}>
            确认
          </ActionButton>
        </View>
      ) : null}
      {step.error && !step.error.fields.minutes && !step.error.fields.reason ? <Notice kind="warn">{step.error.message}</Notice> : null}
    </View>
  )
}
