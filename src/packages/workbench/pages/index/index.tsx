import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { regionLabel } from '~types/regions'
import { SERVICE_LABELS, staffDistricts, type Service } from '~types/roles'
import { formatDateTime } from '~types/format'
import type { StaffGrant } from '~types/user.schema'
import { DeskPage } from '../../../../components/desk-page'
import { NoAccess } from '../../../../components/no-access'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { routes } from '../../../../routes'
import { Queue, useQueue } from './queue'
import './index.scss'

export default function WorkbenchPage() {
  const session = useGuard()
  const { user } = session
  const queue = useQueue(!!user?.ready && user.roles.staff.length > 0)
  if (!user?.ready) return <PageStatus session={session} />
  const grants = user.roles.staff
  const desks = DESKS.filter((d) => staffDistricts(user, d.service).length > 0)
  if (!grants.length) {
    return (
      <NoAccess title="工作台只对工作人员开放">
        您还不是工作人员。如果您在区县负责新就业群体服务，请联系管理员为您授权。
      </NoAccess>
    )
  }

  return (
    <DeskPage title="工作台" lead={`${user.profile ? `${user.profile.realName}，` : ''}您负责以下区县的服务。`}>
      {/* One line per district: the queue, not the scope, is what a reviewer came for, so it starts high on the screen. */}
      <View className="desk-page__section">
        <View className="scopes" role="list" aria-label="我的负责范围">
          {grants.map((g) => (
            <ScopeCard key={g.districtCode} grant={g} />
          ))}
        </View>
        {/*
          Each service's own records beside the queue (the academy's courses, the stations, 随手拍's month), for its staff
          only — one line of links, so the queue still starts within the first screen at a desk.
        */}
        {desks.length ? (
          <View className="desk-links" role="list" aria-label="各服务的管理">
            {desks.map((d) => (
              <View key={d.url} className="desk-link" role="link" hoverClass="desk-link--pressed" onClick={() => void Taro.navigateTo({ url: d.url })}>
                {d.label}
              </View>
            ))}
          </View>
        ) : null}
      </View>
      <Queue state={queue} />
    </DeskPage>
  )
}

/** The services whose staff keep records of their own besides applications, and where. */
const DESKS: { service: Service; label: string; url: string }[] = [
  { service: 'academy', label: '学院课程管理', url: routes.academyManage },
  { service: 'station', label: '驿站管理', url: routes.stationManage },
  { service: 'volunteer', label: '随手拍受理情况', url: routes.volunteerReportsDesk },
]

function ScopeCard({ grant }: { grant: StaffGrant }) {
  return (
    <View className="scope" role="listitem">
      <Text className="scope__region">{regionLabel(grant.districtCode)}</Text>
      <View className="scope__services">
        {grant.services.map((s) => (
          <Text key={s} className="scope__service">
            {SERVICE_LABELS[s]}
          </Text>
        ))}
      </View>
      <Text className="scope__since">授权时间 {formatDateTime(grant.grantedAt)}</Text>
    </View>
  )
}
