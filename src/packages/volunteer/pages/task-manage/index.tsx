import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { regionLabel } from '~types/regions'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { Pager } from '../../../../components/pager'
import { ChipGroup } from '../../../../components/chip-group'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { TaskCardView } from '../../lib/task-card'
import { volunteerDistricts } from '../../lib/task-draft'
import { countsWords } from '../../lib/task-words'
import '../../lib/tasks.scss'

type When = 'upcoming' | 'past' | ''
const whenOptions = [
  { value: 'upcoming', label: '未结束' },
  { value: 'past', label: '已结束' },
  { value: '', label: '全部' },
]

/** 志愿任务管理: the tasks of the caller's districts — publish, open one for its code, roster and hours. */
export default function TaskManagePage() {
  const session = useGuard()
  const districts = volunteerDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  const [when, setWhen] = useState<When>('upcoming')
  const [page, setPage] = useState(1)
  const tasks = useRemote(() => api.volunteer.staffTasks({ ...(when ? { when } : {}), ...(page > 1 ? { page } : {}) }), allowed)
  const mounted = useRef(false)
  useEffect(() => {
    if (mounted.current && allowed) void tasks.reload()
    mounted.current = true
  }, [when, page])

  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="志愿任务管理只对志愿服务工作人员开放">您没有志愿服务的工作权限。如果您负责区县的志愿服务，请联系管理员授权。</NoAccess>
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <DeskPage title="志愿任务管理" lead={`${districts.map(regionLabel).join('、')}。发布志愿服务，当天出示签到码，结束后确认时长——确认的时长按区县标准记积分。`}>
      <View className="task-toolbar">
        <ActionButton compact onClick={() => go(routes.volunteerTaskEdit)}>
          发布志愿服务
        </ActionButton>
        <ActionButton compact variant="secondary" onClick={() => go(routes.volunteerTeams)}>
          志愿队伍
        </ActionButton>
      </View>
      <ChipGroup
        label="时间"
        options={whenOptions}
        value={when}
        onChange={(v) => {
          setWhen(v as When)
          setPage(1)
        }}
      />
      <LoadState
        data={tasks.data}
        error={tasks.error}
        onRetry={() => void tasks.reload()}
        loadingText="正在读取志愿服务…"
        empty={{ when: (d) => d.rows.length === 0, title: when === 'past' ? '还没有结束的志愿服务' : '还没有志愿服务', text: '点“发布志愿服务”发布一项。' }}
      >
        {(d) => (
          <>
            <Text className="task-card__line">{`共 ${d.total} 项${d.total > d.pageSize ? `，第 ${d.page} / ${Math.ceil(d.total / d.pageSize)} 页` : ''}`}</Text>
            <View role="list" aria-label="志愿服务">
              {d.rows.map((t) => (
                <TaskCardView key={t.id} task={t} onOpen={() => go(`${routes.volunteerTaskSignups}?id=${encodeURIComponent(t.id)}`)} footer={countsWords(t.counts)} />
              ))}
            </View>
            <Pager page={page} total={d.total} pageSize={d.pageSize} onPage={setPage} />
          </>
        )}
      </LoadState>
    </DeskPage>
  )
}
