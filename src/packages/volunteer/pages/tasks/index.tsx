import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { VolunteerRules } from '../../../../../config/volunteer'
import type { MySignupRow, TaskCard, TasksView } from '~types/volunteer-task.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { TaskCardView } from '../../lib/task-card'
import { signupWords } from '../../lib/task-words'
import { useStep } from '../../lib/use-step'
import '../../lib/tasks.scss'

const open = (id: string) => void Taro.navigateTo({ url: `${routes.volunteerTask}?id=${encodeURIComponent(id)}` })

async function load(): Promise<{ view: TasksView; rules: VolunteerRules }> {
  const [view, rules] = await Promise.all([api.volunteer.tasks({}), api.volunteer.rules({})])
  return { view, rules }
}

/** 志愿服务: my sign-ups first (what to do next), then the tasks I can still join, soonest first. */
export default function TasksPage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const data = useRemote(load, ready)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="tasks">
      <Text className="page__title">志愿服务</Text>
      <Text className="page__lead">
        {data.data
          ? `报名参加区县组织的志愿服务，当天到现场签到、签退，工作人员确认后记时长和积分（每小时 ${data.data.rules.pointsPerHour} 分，按半小时计）。`
          : '报名参加区县组织的志愿服务，当天到现场签到、签退，工作人员确认后记时长和积分。'}
      </Text>
      <LoadState data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在查找志愿服务…">
        {({ view }) => <Lists view={view} onChanged={() => void data.reload()} />}
      </LoadState>
      <View className="task-toolbar">
        <ActionButton compact variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.volunteerHours })}>
          补录时长
        </ActionButton>
        <ActionButton compact variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.volunteerTeams })}>
          志愿队伍
        </ActionButton>
      </View>
    </PageRoot>
  )
}

function Lists({ view, onChanged }: { view: TasksView; onChanged: () => void }) {
  const joinable = view.open.filter((t) => !t.mine)
  return (
    <>
      {view.mine.length ? (
        <>
          <Text className="section-title">{`我的报名（${view.mine.length}）`}</Text>
          <View role="list" aria-label="我的报名">
            {view.mine.map((m) => (
              <Mine key={m.signup.id} row={m} onChanged={onChanged} />
            ))}
          </View>
        </>
      ) : null}
      <Text className="section-title">可以报名的</Text>
      {joinable.length ? (
        <View role="list" aria-label="可以报名的志愿服务">
          {joinable.map((t) => (
            <Joinable key={t.id} task={t} onChanged={onChanged} />
          ))}
        </View>
      ) : (
        <Notice title="近期没有可以报名的志愿服务">区县发布新的志愿服务后会出现在这里。也可以先加入一支志愿队伍，或者补录以前参加过的服务时长。</Notice>
      )}
    </>
  )
}

function Joinable({ task: t, onChanged }: { task: TaskCard; onChanged: () => void }) {
  const step = useStep()
  const signUp = async () => {
    const out = await step.run('signUp', (requestId) => api.volunteer.signUp({ taskId: t.id }, { requestId }))
    if (!out) return
    void Taro.showToast({ title: '已报名', icon: 'success' })
    onChanged()
  }
  return (
    <TaskCardView task={t} onOpen={() => open(t.id)}>
      {/* Joining late is allowed until the end: the hours served are what counts. */}
      {t.state === 'open' || (t.state === 'started' && t.slotsLeft > 0) ? (
        <ActionButton compact busy={step.busy} busyText="正在报名…" onClick={() => void signUp()}>
          报名
        </ActionButton>
      ) : null}
      {step.error ? <Notice kind="warn">{step.error.message}</Notice> : null}
    </TaskCardView>
  )
}

function Mine({ row, onChanged }: { row: MySignupRow; onChanged: () => void }) {
  const { task: t, signup: s } = row
  const step = useStep()
  const canCancel = s.state === 'signedUp' && (t.state === 'open' || t.state === 'full')
  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消报名？', content: `取消后名额会让给别人。“${t.title}”（${t.when}）`, confirmText: '取消报名', cancelText: '不取消' })
    if (!confirm) return
    const out = await step.run('cancel', (requestId) => api.volunteer.cancelSignup({ taskId: t.id }, { requestId }))
    if (!out) return
    void Taro.showToast({ title: '已取消报名', icon: 'none' })
    onChanged()
  }
  const ahead = t.state === 'open' || t.state === 'full' || t.state === 'started'
  const next = s.state === 'signedUp' && ahead ? '去签到' : s.state === 'checkedIn' && t.state !== 'cancelled' ? '去签退' : null
  return (
    <TaskCardView task={t} mine={s.state} onOpen={() => open(t.id)} footer={t.state === 'cancelled' ? '这项服务已取消' : signupWords(s, t)}>
      {next ? (
        <ActionButton compact onClick={() => open(t.id)}>
          {next}
        </ActionButton>
      ) : null}
      {canCancel ? (
        <ActionButton compact variant="secondary" busy={step.busy} busyText="正在取消…" onClick={() => void cancel()}>
          取消报名
        </ActionButton>
      ) : null}
      {step.error ? <Notice kind="warn">{step.error.message}</Notice> : null}
    </TaskCardView>
  )
}
