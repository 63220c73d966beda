import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { regionLabel } from '~types/regions'
import type { UserView } from '~types/user.schema'
import { halfHours } from '~types/volunteer-hours'
import { TeamInput, type TeamView, type TeamsView } from '~types/volunteer-task.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { formProblem } from '../../../../components/field-error/summary'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { volunteerDistricts } from '../../lib/task-draft'
import { useStep } from '../../lib/use-step'
import '../../lib/tasks.scss'

/** 志愿队伍: the teams of my district with their totals; join one (one at a time), leave it. Staff form new ones. */
export default function TeamsPage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const teams = useRemote(() => api.volunteer.teams({}), ready)
  if (!ready) return <PageStatus session={session} />
  const user = session.user!
  return (
    <PageRoot className="tasks">
      <Text className="page__title">志愿队伍</Text>
      <Text className="page__lead">{`${user.profile!.regionLabel}的志愿队伍。加入一支队伍，一起参加志愿服务；队员确认的服务时长和积分算进队伍的总数。一个人同时只能在一支队伍里。`}</Text>
      <LoadState
        data={teams.data}
        error={teams.error}
        onRetry={() => void teams.reload()}
        loadingText="正在读取队伍…"
        empty={{ when: (d) => d.teams.length === 0, title: '本区县还没有志愿队伍', text: '区县工作人员建队后会出现在这里。' }}
      >
        {(d) => <Teams view={d} onChanged={(next) => teams.setData(() => next)} />}
      </LoadState>
      {volunteerDistricts(user).length ? <NewTeam user={user} onCreated={() => void teams.reload()} /> : null}
    </PageRoot>
  )
}

function Teams({ view, onChanged }: { view: TeamsView; onChanged: (next: TeamsView) => void }) {
  const step = useStep()
  const join = async (t: TeamView) => {
    const out = await step.run(`join:${t.id}`, (requestId) => api.volunteer.joinTeam({ teamId: t.id }, { requestId }))
    if (!out) return
    void Taro.showToast({ title: '已加入', icon: 'success' })
    onChanged(out)
  }
  const leave = async () => {
    const { confirm } = await Taro.showModal({ title: '退出队伍？', content: `退出“${view.myTeam?.name ?? ''}”后，之后的服务不再算进这支队伍；已经算进去的不变。`, confirmText: '退出', cancelText: '不退出' })
    if (!confirm) return
    const out = await step.run('leave', (requestId) => api.volunteer.leaveTeam({}, { requestId }))
    if (out) onChanged(out)
  }
  return (
    <>
      {view.myTeam ? <Notice title={`您在“${view.myTeam.name}”`}>想换一支队伍，先退出再加入。</Notice> : null}
      {step.error ? (
        <View role="alert">
          <Notice kind="warn">{step.error.message}</Notice>
        </View>
      ) : null}
      <View role="list" aria-label="志愿队伍">
        {view.teams.map((t, i) => (
          <View key={t.id} className="task-card" role="listitem" aria-label={t.name}>
            <View className="task-card__top">
              <Text className="task-card__title">{`${i + 1}. ${t.name}`}</Text>
              {t.mine ? <Text className="task-state task-state--signedUp">我的队伍</Text> : null}
            </View>
            <Text className="task-card__line">{`队员 ${t.members} 人 · 服务 ${halfHours(t.minutesConfirmed)} 小时 · 积分 ${t.points} 分`}</Text>
            <View className="task-card__actions">
              {t.mine ? (
                <ActionButton compact variant="secondary" busy={step.busy} busyText="正在退出…" onClick={() => void leave()}>
                  退出队伍
                </ActionButton>
              ) : !view.myTeam ? (
                <ActionButton compact busy={step.busy} busyText="正在加入…" onClick={() => void join(t)}>
                  加入
                </ActionButton>
              ) : null}
            </View>
          </View>
        ))}
      </View>
    </>
  )
}

/** Staff: a new team in one of their districts (its name unique there). */
function NewTeam({ user, onCreated }: { user: UserView; onCreated: () => void }) {
  const districts = volunteerDistricts(user)
  const [district, setDistrict] = useState(districts.length === 1 ? districts[0] : '')
  const [name, setName] = useState('')
  const action = useAction(TeamInput, (input, opts) => api.volunteer.createTeam(input, opts))
  const create = async () => {
    const out = await action.run({ district, name })
    if (!out) return
    setName('')
    void Taro.showToast({ title: '已建队', icon: 'success' })
    onCreated()
  }
  return (
    <View className="task-form" role="form" aria-label="新建队伍">
      <Text className="section-title">新建队伍（工作人员）</Text>
      {districts.length > 1 ? (
        <ChipGroup label="区县" options={districts.map((c) => ({ value: c, label: regionLabel(c) }))} value={district} onChange={setDistrict} error={action.errors.district} />
      ) : (
        <Text className="task-card__line">{`在${regionLabel(districts[0])}建队`}</Text>
      )}
      <TextField label="队伍名称" placeholder="如 崇川骑手志愿队" maxlength={20} value={name} onChange={setName} error={action.errors.name} />
      <SubmitBar problem={formProblem(action, { district: '区县', name: '队伍名称' })} busy={action.busy} busyText="正在建队…" onSubmit={() => void create()}>
        建队
      </SubmitBar>
    </View>
  )
}
