import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { UserView } from '~types/user.schema'
import { minutesText } from '~types/volunteer-hours'
import { VolunteerHoursInput } from '~types/volunteer.schema'
import type { MakeUpQuota } from '~types/volunteer-task.schema'
import { api } from '../../../../api/client'
import { askForProgressNotices } from '../../../../api/subscribe'
import { AttachmentPicker } from '../../../../components/attachment-picker'
import { formProblem, scrollToFirstError } from '../../../../components/field-error/summary'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextArea } from '../../../../components/text-area'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { HOURS_ERROR_LABELS, dateText, emptyHours, hoursDraftKey, hoursToMinutes, type HoursDraft } from '../../lib/task-draft'
import '../../lib/tasks.scss'

const quotaWords = (q: MakeUpQuota) =>
  `${q.year} 年最多补录 ${minutesText(q.capMinutes)}。已认定 ${minutesText(q.approvedMinutes)}${q.pendingMinutes ? `，待审核 ${minutesText(q.pendingMinutes)}` : ''}，还能补录 ${minutesText(q.leftMinutes)}。`

/** 补录: hours served without the app's check-in, for staff to check; marked 补录 and worth no points. */
export default function HoursPage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const quota = useRemote(() => api.volunteer.makeUpQuota({}), ready)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="tasks">
      <Text className="page__title">补录志愿时长</Text>
      <Text className="page__lead">没用暖新签到的志愿服务（比如用的纸质签到表），可以在这里补录。区县工作人员核实后计入志愿时长和星级，标为“补录”，不折算积分。</Text>
      <LoadState data={quota.data} error={quota.error} onRetry={() => void quota.reload()} loadingText="正在查补录额度…">
        {(q) => (
          <>
            <Notice title="补录额度">{quotaWords(q)}</Notice>
            <HoursForm user={session.user!} quota={q} onFiled={() => void quota.reload()} />
          </>
        )}
      </LoadState>
    </PageRoot>
  )
}

function HoursForm({ user, quota, onFiled }: { user: UserView; quota: MakeUpQuota; onFiled: () => void }) {
  const [d, update, clear] = useDraft<HoursDraft>(hoursDraftKey(user.id), emptyHours)
  const [uploading, setUploading] = useState(0)
  const onUploadingChange = useCallback((n: number) => setUploading(n), [])
  const [problem, setProblem] = useState<string>()
  const action = useAction(VolunteerHoursInput, (input, opts) => api.volunteer.claimHours(input, opts))
  const e = action.errors
  const send = async () => {
    setProblem(undefined)
    if (uploading > 0) return setProblem('还有附件没有传完，请等一等')
    const minutes = d.hours.trim() ? hoursToMinutes(d.hours) : undefined
    if (minutes === null) {
      action.fail({ minutes: '时长按半小时填写，如 2 或 2.5' })
      return scrollToFirstError()
    }
    await askForProgressNotices()
    const view = await action.run({
      date: dateText(d.date),
      minutes: minutes as number,
      what: d.what,
      place: d.place,
      organiser: d.organiser,
      attachments: d.attachments.map((a) => a.fileId),
    })
    if (!view) return scrollToFirstError()
    clear()
    onFiled()
    void Taro.showToast({ title: '已提交', icon: 'success' })
    await Taro.redirectTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(view.id)}` })
  }
  if (quota.leftMinutes === 0) {
    return <Notice kind="warn" title="今年的补录额度用完了">参加“志愿服务”里的任务，到现场签到签退，时长会自动记上。</Notice>
  }
  return (
    <View className="task-form">
      <TextField label="哪天服务的" placeholder="如 2026-11-28" maxlength={12} value={d.date} onChange={(date) => update({ date })} error={e.date} hint="一年以内的服务可以补录" />
      <TextField label="服务了多久（小时）" placeholder="如 2 或 2.5" maxlength={4} value={d.hours} onChange={(hours) => update({ hours })} error={e.minutes} hint={`按半小时填，一天最多 12 小时；今年还能补录 ${minutesText(quota.leftMinutes)}`} />
      <TextArea label="做了什么" placeholder="如 在社区疫苗接种点帮忙引导、登记" maxlength={200} value={d.what} onChange={(what) => update({ what })} error={e.what} />
      <TextField label="在哪里" placeholder="如 崇川区和平桥街道社区服务中心" maxlength={60} value={d.place} onChange={(place) => update({ place })} error={e.place} />
      <TextField label="组织方或证明人" placeholder="如 和平桥社区 张主任" maxlength={40} value={d.organiser} onChange={(organiser) => update({ organiser })} error={e.organiser} hint="工作人员会找他们核实" />
      <AttachmentPicker label="证明材料（选填）" hint="签到表、活动照片、组织方证明的照片" value={d.attachments} onChange={(attachments) => update({ attachments })} onUploadingChange={onUploadingChange} error={e.attachments} />
      <SubmitBar problem={problem ?? formProblem(action, HOURS_ERROR_LABELS)} busy={action.busy} busyText="正在提交…" onSubmit={() => void send()}>
        提交补录
      </SubmitBar>
    </View>
  )
}
