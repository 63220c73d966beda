import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CalendarYearInput, parseDates, type CalendarYearView } from '~types/calendar.schema'
import type { FieldErrors } from '~types/errors'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextArea } from '../../../../components/text-area'
import { useDraft, DRAFT_PREFIX } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { useAction } from '../../../../hooks/use-action'
import './index.scss'

const SOURCE_WORDS: Record<CalendarYearView['source'], string> = {
  entered: '✓ 已录入（以录入为准）',
  package: '✓ 已内置官方日历',
  none: '⚠ 未公布：暂按周一到周五计算，期限标为“暂定”',
}

/**
 * 节假日安排: the State Council publishes next year's holidays each November. An admin types them in here
 * (ranges allowed) and every deadline uses them at once; the entry is audited.
 */
export default function CalendarPage() {
  const session = useGuard()
  const isAdmin = !!session.user?.ready && session.user.roles.admin
  const years = useRemote(() => api.application.calendarYears({}), isAdmin)
  const [draft, set, clear] = useDraft(`${DRAFT_PREFIX}calendar`, () => ({ year: '', holidays: '', workdays: '' }))
  const saving = useAction(CalendarYearInput, (d, o) => api.application.setCalendarYear(d, o))
  const { errors, problem, busy } = saving

  if (!session.user?.ready) return <PageStatus session={session} />
  if (!isAdmin) return <NoAccess title="没有权限">节假日安排只对管理员开放。</NoAccess>

  const save = async () => {
    const holidays = parseDates(draft.holidays)
    const workdays = parseDates(draft.workdays)
    const typos: FieldErrors = {}
    if (!holidays.ok) typos.holidays = `“${holidays.bad}”不是日期，请写成 2027-02-05 或 2027-02-05~2027-02-11`
    if (!workdays.ok) typos.workdays = `“${workdays.bad}”不是日期，请写成 2027-02-14`
    if (Object.keys(typos).length) return saving.fail(typos)
    const saved = await saving.run({ year: Number(draft.year), holidays: holidays.ok ? holidays.dates : [], workdays: workdays.ok ? workdays.dates : [] })
    if (!saved) return
    clear()
    void Taro.showToast({ title: '已保存', icon: 'success' })
    await years.reload()
  }

  return (
    <DeskPage title="节假日安排" lead="审查期限按工作日计算。每年 11 月前后国务院公布下一年的放假安排，公布后请在这里录入，所有期限立即按新日历计算。">
      <View className="calendar">
        <LoadState data={years.data} error={years.error} onRetry={() => void years.reload()} loadingText="正在读取日历…">
          {(list) => (
            <View className="calendar__years" role="list" aria-label="各年份日历">
              {list.map((y) => (
                <View key={y.year} className="calendar__year" role="listitem">
                  <Text className="calendar__year-title">{`${y.year} 年`}</Text>
                  <Text className="calendar__year-source">{SOURCE_WORDS[y.source]}</Text>
                  {y.source === 'entered' ? <Text className="calendar__year-days">{`放假 ${y.holidays.length} 天，调休上班 ${y.workdays.length} 天`}</Text> : null}
                </View>
              ))}
            </View>
          )}
        </LoadState>
        <View className="calendar__form" role="form" aria-label="录入一年的放假安排">
          <Text className="section-title">录入一年的放假安排</Text>
          {problem && !Object.keys(errors).length ? <Notice kind="warn">{problem}</Notice> : null}
          <ChipGroup
            label="年份"
            options={(years.data ?? []).map((y) => ({ value: String(y.year), label: `${y.year}` }))}
            value={draft.year}
            onChange={(year) => set({ year })}
            error={errors.year}
          />
          <TextArea
            label="放假日"
            placeholder={'每行一个日期或一段，如：\n2027-01-01\n2027-02-06~2027-02-13'}
            value={draft.holidays}
            onChange={(holidays) => set({ holidays })}
            error={errors.holidays}
            maxlength={2000}
          />
          <TextArea
            label="调休上班日（周末上班的日子）"
            placeholder="如：2027-02-14"
            value={draft.workdays}
            onChange={(workdays) => set({ workdays })}
            error={errors.workdays}
            maxlength={1000}
          />
          <ActionButton busy={busy} busyText="正在保存…" onClick={() => void save()}>
            保存这一年
          </ActionButton>
          <Text className="calendar__note">录入后以录入为准（以后软件内置的日历更新也不会覆盖）；每次录入都记入审计日志。已在计时的期限保持原来的日期，只是不再标“暂定”。</Text>
        </View>
      </View>
    </DeskPage>
  )
}
