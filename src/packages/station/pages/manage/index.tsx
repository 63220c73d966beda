import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useRef } from 'react'
import { regionLabel } from '~types/regions'
import { formatHoursCell, formatServicesCell } from '~types/station-csv'
import { STATION_TYPE_LABELS, type StationDetail } from '~types/station.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { checkedWords, manageFilterKey, stationDistricts, statusWords } from '../../lib/manage'
import '../../lib/manage.scss'

type Row = StationDetail & { updatedAt: string }

/**
 * 驿站管理: the district's stations as staff keep them — status, when last confirmed, how many riders said something
 * is wrong — searchable by name; the way to 新建, 导入/导出 and the corrections queue.
 */
export default function ManagePage() {
  const session = useGuard()
  const districts = stationDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="驿站管理只对驿站工作人员开放">您没有暖心驿站的工作权限。如果您负责区县的驿站，请联系管理员授权。</NoAccess>
  return <StationList userId={session.user.id} districts={districts} />
}

function StationList({ userId, districts }: { userId: string; districts: string[] }) {
  const [filter, setFilter] = useDraft(manageFilterKey(userId), () => ({ district: districts[0], search: '' }))
  const district = districts.includes(filter.district) ? filter.district : districts[0]
  const stations = useRemote(() => api.station.list({ district }), true)
  const corrections = useRemote(() => api.station.corrections({ district }), true)
  const mounted = useRef(false)
  useEffect(() => {
    if (mounted.current) void Promise.all([stations.reload(), corrections.reload()])
    mounted.current = true
  }, [district])

  const openByStation = useMemo(() => {
    const m = new Map<string, number>()
    for (const c of corrections.data ?? []) m.set(c.stationId, (m.get(c.stationId) ?? 0) + 1)
    return m
  }, [corrections.data])
  const openCount = corrections.data?.length ?? 0
  const go = (url: string) => void Taro.navigateTo({ url })
  const q = filter.search.trim()

  return (
    <DeskPage title="驿站管理" lead={`暖心驿站 · ${regionLabel(district)}。骑手在“附近的驿站”里看到的就是这里的信息，改了马上生效。`}>
      {districts.length > 1 ? (
        <ChipGroup label="区县" options={districts.map((c) => ({ value: c, label: regionLabel(c) }))} value={district} onChange={(d) => setFilter({ district: d })} />
      ) : null}
      <View className="sm-toolbar">
        <ActionButton compact onClick={() => go(`${routes.stationManageEdit}?district=${district}`)}>
          新建驿站
        </ActionButton>
        <ActionButton compact variant="secondary" onClick={() => go(`${routes.stationManageImport}?district=${district}`)}>
          导入 / 导出表格
        </ActionButton>
        <ActionButton compact variant="secondary" onClick={() => go(`${routes.stationManageCorrections}?district=${district}`)}>
          {openCount ? `信息有误（${openCount} 条待核实）` : '信息有误反馈'}
        </ActionButton>
      </View>
      <View className="desk-page__section">
        <TextField label="按名称搜索" placeholder="输入驿站名称中的字，如 南大街" value={filter.search} onChange={(search) => setFilter({ search })} maxlength={40} />
        <LoadState
          data={stations.data}
          error={stations.error}
          onRetry={() => void stations.reload()}
          loadingText="正在读取驿站…"
          empty={{ when: (d) => d.length === 0, title: '这个区县还没有驿站', text: '点“新建驿站”一个个加，或者用“导入 / 导出表格”一次导入一批。' }}
        >
          {(all) => {
            const shown = q ? all.filter((s) => s.name.includes(q) || s.address.includes(q)) : all
            const closed = shown.filter((s) => s.status === 'closed').length
            return (
              <>
                <Text className="sm-count">{`共 ${all.length} 个驿站${q ? `，名称或地址含“${q}”的 ${shown.length} 个` : ''}${closed ? `（其中 ${closed} 个已停用）` : ''}`}</Text>
                {q && !shown.length ? <Text className="sm-empty">{`没有名称或地址含“${q}”的驿站。`}</Text> : null}
                <View role="list" aria-label="驿站" className="sm-list">
                  {shown.map((s) => (
                    <StationRow key={s.id} station={s} open={openByStation.get(s.id) ?? 0} onEdit={() => go(`${routes.stationManageEdit}?id=${s.id}`)} onCorrections={() => go(`${routes.stationManageCorrections}?district=${district}`)} />
                  ))}
                </View>
              </>
            )
          }}
        </LoadState>
      </View>
    </DeskPage>
  )
}

function StationRow({ station: s, open, onEdit, onCorrections }: { station: Row; open: number; onEdit: () => void; onCorrections: () => void }) {
  const checked = checkedWords(s.lastCheckedAt)
  return (
    <View className={`sm-row sm-row--${s.status}`} role="listitem" aria-label={s.name}>
      <View className="sm-row__top">
        <View className="sm-row__title">
          <Text className="sm-row__type">{STATION_TYPE_LABELS[s.type]}</Text>
          <Text className="sm-row__name">{s.name}</Text>
        </View>
        <Text className={`sm-status sm-status--${s.status}`}>{statusWords(s)}</Text>
      </View>
      <Text className="sm-row__line">{s.address}</Text>
      <Text className="sm-row__line">{`开放时间：${formatHoursCell(s.hours)}${s.holidayHours ? `；节假日 ${s.holidayHours}` : ''}`}</Text>
      <Text className="sm-row__line">{`服务：${formatServicesCell(s.services)}`}</Text>
      <Text className={`sm-row__line${checked.stale ? ' sm-row__line--warn' : ''}`}>{checked.text}</Text>
      {open ? (
        <View className="sm-row__alert sm-link" role="link" onClick={onCorrections}>
          {`⚠ ${open} 条“信息有误”待核实`}
        </View>
      ) : null}
      <View className="sm-actions">
        <ActionButton compact variant="secondary" onClick={onEdit}>
          编辑
        </ActionButton>
      </View>
    </View>
  )
}
