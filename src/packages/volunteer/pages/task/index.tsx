import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { minutesText } from '~types/volunteer-hours'
import { distanceText, type TaskDetail } from '~types/volunteer-task.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import type { LngLat } from '../../../../lib/position'
import { routes } from '../../../../routes'
import { locateForCheckIn } from '../../lib/locate'
import { StatePill, TaskRow } from '../../lib/task-card'
import { markWords, signupWords } from '../../lib/task-words'
import { useStep } from '../../lib/use-step'
import '../../lib/tasks.scss'

/** One task: what, when, where — sign up or cancel, and on the day check in and out at the place. */
export default function TaskPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const ready = !!session.user?.ready
  const task = useRemote(() => api.volunteer.task({ id }), ready && !!id)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="tasks">
      <LoadState data={task.data} error={task.error} onRetry={() => void task.reload()} loadingText="正在读取志愿服务…">
        {(t) => <Task task={t} onChanged={(next) => task.setData(() => next)} />}
      </LoadState>
    </PageRoot>
  )
}

function Task({ task: t, onChanged }: { task: TaskDetail; onChanged: (next: TaskDetail) => void }) {
  const step = useStep()
  const s = t.signup
  const signUp = async () => {
    const out = await step.run('signUp', (requestId) => api.volunteer.signUp({ taskId: t.id }, { requestId }))
    if (!out) return
    void Taro.showToast({ title: '已报名', icon: 'success' })
    onChanged(out)
  }
  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消报名？', content: '取消后名额会让给别人，开始前还可以再报名（如果还有名额）。', confirmText: '取消报名', cancelText: '不取消' })
    if (!confirm) return
    const out = await step.run('cancel', (requestId) => api.volunteer.cancelSignup({ taskId: t.id }, { requestId }))
    if (!out) return
    void Taro.showToast({ title: '已取消报名', icon: 'none' })
    onChanged(out)
  }
  const showMap = () => {
    void Promise.resolve(Taro.openLocation({ latitude: t.place.latitude, longitude: t.place.longitude, name: t.title, address: t.place.text, scale: 17 })).catch(() => undefined)
  }
  return (
    <>
      <View className="task-card__top">
        <Text className="page__title">{t.title}</Text>
        <StatePill task={t} mine={t.mine} />
      </View>
      {t.description ? <Text className="page__lead">{t.description}</Text> : null}
      <View className="task-card">
        <TaskRow label="时间">{t.when}</TaskRow>
        <TaskRow label="地点">{t.place.text}</TaskRow>
        <TaskRow label="面向">{t.team ? `${t.where}，仅限“${t.team.name}”队员` : t.where}</TaskRow>
        <TaskRow label="时长">{`${minutesText(t.minutes)}（确认后计入志愿时长和积分）`}</TaskRow>
        <TaskRow label="名额">{t.state === 'open' || t.state === 'full' || t.state === 'started' ? `${t.slotsText}（共 ${t.slots} 个）` : `共 ${t.slots} 个`}</TaskRow>
        <View className="task-link" role="link" onClick={showMap}>
          在地图上看服务地点
        </View>
      </View>

      {s ? (
        <View className="task-checkin" role="region" aria-label="我的报名">
          <Text className="task-card__line task-card__line--strong">{t.state === 'cancelled' ? '这项服务已取消，谢谢您' : signupWords(s, t)}</Text>
          {s.checkIn ? <Text className="task-card__line">{markWords(s.checkIn, '签到')}</Text> : null}
          {s.checkOut ? <Text className="task-card__line">{markWords(s.checkOut, '签退')}</Text> : null}
          {s.confirmed?.reason ? <Text className="task-card__line">{`工作人员说明：${s.confirmed.reason}`}</Text> : null}
          {t.can.checkIn || t.can.checkOut ? <CheckIn task={t} what={t.can.checkIn ? '签到' : '签退'} onDone={onChanged} /> : null}
          {s.state === 'signedUp' && !t.can.checkIn && t.state !== 'ended' && t.state !== 'cancelled' ? (
            <Text className="task-card__line">{`服务当天，开始前 1 小时起可以在这里签到。到现场后手机定位在服务地点 ${distanceText(t.checkInRadiusM)} 以内即可；定位不准时，输入组织方出示的 6 位签到码。`}</Text>
          ) : null}
        </View>
      ) : null}

      {step.error ? (
        <View role="alert">
          <Notice kind="warn">{step.error.message}</Notice>
        </View>
      ) : null}
      {t.can.signUp ? (
        <ActionButton busy={step.busy} busyText="正在报名…" onClick={() => void signUp()}>
          报名参加
        </ActionButton>
      ) : null}
      {!s && t.note ? <Notice kind="warn">{t.note}</Notice> : null}
      {t.can.cancel ? (
        <ActionButton variant="secondary" busy={step.busy} busyText="正在取消…" onClick={() => void cancel()}>
          取消报名
        </ActionButton>
      ) : null}
      <ActionButton variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.volunteerTasks })}>
        看看其他志愿服务
      </ActionButton>
    </>
  )
}

/**
 * 签到 / 签退 at the place: the phone's position first (asked each time, with why); when it is too far or not
 * available, the organiser's 6-digit code — the server's words say which and how far.
 */
function CheckIn({ task: t, what, onDone }: { task: TaskDetail; what: '签到' | '签退'; onDone: (next: TaskDetail) => void }) {
  const step = useStep()
  const [code, setCode] = useState('')
  const [showCode, setShowCode] = useState(false)
  const [note, setNote] = useState<string>()
  const [at, setAt] = useState<LngLat | null>(null)
  const [locating, setLocating] = useState(false)
  const send = async (where: LngLat | null, withCode: string | null) => {
    const input = { taskId: t.id, ...(where ?? {}), ...(withCode ? { code: withCode } : {}) }
    const out = await step.run(JSON.stringify(input), (requestId) => (what === '签到' ? api.volunteer.checkIn(input, { requestId }) : api.volunteer.checkOut(input, { requestId })))
    if (out) {
      void Taro.showToast({ title: `已${what}`, icon: 'success' })
      onDone(out)
    } else {
      setShowCode(true)
    }
  }
  const byPosition = async () => {
    setNote(undefined)
    setLocating(true)
    const got = await locateForCheckIn(what).finally(() => setLocating(false))
    if (got === null) {
      setShowCode(true)
      return setNote('好的，请输入组织方在现场出示的 6 位签到码。')
    }
    if (typeof got === 'string') {
      setShowCode(true)
      return setNote(got)
    }
    setAt(got)
    await send(got, null)
  }
  const err = step.error
  const message = err?.fields.code ?? err?.fields.location ?? err?.message
  return (
    <View className="task-panel" role="group" aria-label={what}>
      <ActionButton busy={locating || (step.busy && !showCode)} busyText={locating ? '正在定位…' : `正在${what}…`} onClick={() => void byPosition()}>
        {`${what}（用现在的位置）`}
      </ActionButton>
      {note ? <Text className="task-card__line">{note}</Text> : null}
      {message ? (
        <View role="alert">
          <Notice kind="warn">{message}</Notice>
        </View>
      ) : null}
      {showCode ? (
        <>
          <TextField label="组织方出示的签到码" type="number" placeholder="6 位数字" maxlength={6} value={code} onChange={setCode} hint="找现场的组织方要，每项服务一个码" />
          <ActionButton variant="secondary" busy={step.busy} busyText={`正在${what}…`} onClick={() => void send(at, code)}>
            {`用签到码${what}`}
          </ActionButton>
        </>
      ) : (
        <View className="task-link" role="button" onClick={() => setShowCode(true)}>
          定位不准？输入签到码
        </View>
      )}
    </View>
  )
}
