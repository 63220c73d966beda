import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { FieldErrors } from '~types/errors'
import { regionLabel } from '~types/regions'
import { fieldErrors } from '~types/validation'
import { TaskInput, type StaffTaskView } from '~types/volunteer-task.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { ConsentToggle } from '../../../../components/consent-toggle'
import { DeskPage } from '../../../../components/desk-page'
import { errorSummary, scrollToFirstError } from '../../../../components/field-error/summary'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextArea } from '../../../../components/text-area'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { currentPosition } from '../../../../lib/position'
import { routes } from '../../../../routes'
import { TASK_ERROR_LABELS, draftToInput, emptyTask, positionText, taskDraftKey, taskToDraft, volunteerDistricts, type TaskDraft } from '../../lib/task-draft'
import '../../lib/tasks.scss'

/** 发布志愿服务 / 修改 (?id=): the task form, kept as a draft on the device until it is published. */
export default function TaskEditPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const districts = volunteerDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  const task = useRemote(() => api.volunteer.staffTask({ id }), allowed && !!id)
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="只有志愿服务工作人员可以发布任务">您没有志愿服务的工作权限。如果您负责区县的志愿服务，请联系管理员授权。</NoAccess>
  const userId = session.user.id
  if (!id) {
    return (
      <DeskPage title="发布志愿服务" lead="发布后，本区县（或全市）的骑手、快递员就能看到和报名。签到码在发布后生成，只有工作人员能看到。">
        <TaskForm userId={userId} districts={districts} saved={null} />
      </DeskPage>
    )
  }
  return (
    <DeskPage title="修改志愿服务" lead="开始前都可以改；时间或地点改了，已报名的人会收到消息。">
      <LoadState data={task.data} error={task.error} onRetry={() => void task.reload()} loadingText="正在读取…">
        {(t) => <TaskForm userId={userId} districts={districts} saved={t} />}
      </LoadState>
    </DeskPage>
  )
}

function TaskForm({ userId, districts, saved }: { userId: string; districts: string[]; saved: StaffTaskView | null }) {
  const initial = () => (saved ? taskToDraft(saved) : emptyTask(districts))
  const key = taskDraftKey(userId, saved?.id)
  const [d, update, clear] = useDraft<TaskDraft>(key, initial)
  const [touched, setTouched] = useState(() => !!Taro.getStorageSync(key))
  const set = (patch: Partial<TaskDraft>) => {
    setTouched(true)
    update(patch)
  }
  const saving = useAction(TaskInput, (input, opts) => api.volunteer.publishTask(input, opts))
  const teams = useRemote(() => api.volunteer.teams({ district: d.district }), !!d.district)
  // The teams offered are the chosen district's: another district, another list.
  const teamsOf = useRef(d.district)
  useEffect(() => {
    if (d.district && d.district !== teamsOf.current) void teams.reload()
    teamsOf.current = d.district
  }, [d.district])
  const [locating, setLocating] = useState(false)
  const [locateNote, setLocateNote] = useState<string>()
  const errors: FieldErrors = saving.errors
  const districtOptions = districts.map((c) => ({ value: c, label: regionLabel(c) }))
  const teamOptions = [{ value: '', label: '不限队伍' }, ...(teams.data?.teams ?? []).map((t) => ({ value: t.id, label: t.name }))]
  const locked = !!saved && saved.roster.length > 0

  const here = async () => {
    setLocateNote(undefined)
    setLocating(true)
    const found = await currentPosition()
    setLocating(false)
    if (found.ok) {
      set({ position: positionText(found.at) })
      setLocateNote('✓ 已填上您现在的位置。请确认您就在服务地点。')
    } else setLocateNote('没有拿到位置（可能没开定位或没给权限）。可以从地图应用里复制经纬度填进来。')
  }

  const publish = async () => {
    const { input, errors: typos } = draftToInput(d)
    if (Object.keys(typos).length) {
      // The form's own reading and the schema's, together: every field at fault is marked at once.
      const parsed = TaskInput.safeParse(input)
      saving.fail({ ...(parsed.success ? {} : fieldErrors(parsed.error)), ...typos })
      return scrollToFirstError()
    }
    const out = await saving.run(input)
    if (!out) return scrollToFirstError()
    clear()
    void Taro.showToast({ title: saved ? '已保存' : '已发布', icon: 'success' })
    await Taro.redirectTo({ url: `${routes.volunteerTaskSignups}?id=${encodeURIComponent(out.id)}` })
  }

  const discard = () => {
    clear()
    update(initial())
    setTouched(false)
    saving.reset()
  }

  const problem = Object.keys(errors).length ? errorSummary(errors, TASK_ERROR_LABELS) : saving.problem

  return (
    <View className="task-form" role="form" aria-label="志愿服务信息">
      {touched && saved ? (
        <View className="task-draft-note" role="status">
          <Text>这里有您上次没保存的修改。</Text>
          <View className="task-link" role="button" onClick={discard}>
            放弃修改，恢复成已保存的
          </View>
        </View>
      ) : null}
      <TextField label="任务名称" placeholder="如 护学岗：上学路口引导" maxlength={40} value={d.title} onChange={(title) => set({ title })} error={errors.title} />
      {districts.length > 1 || !saved ? (
        <ChipGroup label="所在区县" options={saved ? districtOptions.filter((o) => o.value === saved.district) : districtOptions} value={d.district} onChange={(district) => set({ district, teamId: '' })} error={errors.district} hint="只能选您负责志愿服务的区县" />
      ) : null}
      <View className="task-when">
        <View className="task-when__item">
          <TextField label="日期" placeholder="如 2026-12-20" maxlength={12} value={d.date} onChange={(date) => set({ date })} error={errors.date} />
        </View>
        <View className="task-when__item">
          <TextField label="开始" placeholder="如 09:00" maxlength={5} value={d.start} onChange={(start) => set({ start })} error={errors.start} />
        </View>
        <View className="task-when__item">
          <TextField label="结束" placeholder="如 11:30" maxlength={5} value={d.end} onChange={(end) => set({ end })} error={errors.end} />
        </View>
      </View>
      <TextField label="服务地点" placeholder="如 崇川区实验小学东门" maxlength={80} value={d.placeText} onChange={(placeText) => set({ placeText })} error={errors['place.text']} />
      <TextField
        label="地点位置（经度, 纬度）"
        placeholder="如 120.88910, 31.98760"
        maxlength={40}
        value={d.position}
        onChange={(position) => set({ position })}
        error={errors['place.longitude'] ?? errors['place.latitude']}
        hint="签到时按这个位置算距离。在现场可以直接用手机定位，在办公室可以从地图应用复制"
      />
      <View className="task-toolbar">
        <ActionButton compact variant="secondary" busy={locating} busyText="正在定位…" onClick={() => void here()}>
          用我现在的位置
        </ActionButton>
        {locateNote ? <Text className="task-card__line">{locateNote}</Text> : null}
      </View>
      <TextField label="名额" type="number" placeholder="如 10" maxlength={3} value={d.slots} onChange={(slots) => set({ slots })} error={errors.slots} hint={saved?.roster.length ? `已有 ${saved.roster.length} 人报名，名额不能少于这个数` : '报满后不能再报名'} />
      <TextField label="服务时长（小时）" placeholder="如 2.5" maxlength={4} value={d.hours} onChange={(hours) => set({ hours })} error={errors.minutes} hint="按半小时计，确认后计入志愿时长和积分；不能超过开始到结束的时间" />
      {locked ? (
        <Text className="task-card__line">{d.teamId ? `仅限“${saved?.team?.name ?? ''}”队员（已有人报名，不能再改）` : '不限队伍（已有人报名，不能再改）'}</Text>
      ) : (
        <ChipGroup label="限定队伍（选填）" options={teamOptions} value={d.teamId} onChange={(teamId) => set({ teamId })} error={errors.teamId} hint="选了队伍，只有这支队伍的队员能报名" />
      )}
      <ConsentToggle checked={d.cityWide} onChange={(cityWide) => set({ cityWide })}>
        全市开放：全市的人都能看到和报名（不勾只对本区县开放）
      </ConsentToggle>
      <TextArea label="任务说明（选填）" placeholder="做什么、穿什么、找谁报到、注意安全的地方" maxlength={500} showCount value={d.description} onChange={(description) => set({ description })} error={errors.description} />

      {problem ? (
        <View role="alert">
          <Notice kind="warn">{problem}</Notice>
        </View>
      ) : null}
      <View className="task-toolbar">
        <ActionButton busy={saving.busy} busyText={saved ? '正在保存…' : '正在发布…'} onClick={() => void publish()}>
          {saved ? '保存修改' : '发布'}
        </ActionButton>
      </View>
    </View>
  )
}
