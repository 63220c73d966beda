import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { regionLabel } from '~types/regions'
import type { StaffCandidate, StaffGrant } from '~types/user.schema'
import { api } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { useRequestId } from '../../../../hooks/use-request-id'
import { GrantForm } from './grant-form'
import { StaffList, grantKey } from './staff-list'
import { UserSearch, useUserSearch } from './user-search'
import './index.scss'

export default function RolesPage() {
  const session = useGuard()
  const isAdmin = !!session.user?.ready && session.user.roles.admin
  const staff = useRemote(() => api.user.listStaff({}), isAdmin)
  const search = useUserSearch()
  const [chosen, setChosen] = useState<StaffCandidate | null>(null)
  const [revoking, setRevoking] = useState<string | null>(null)
  const [revokeProblem, setRevokeProblem] = useState<string>()
  const { idFor, settle } = useRequestId()

  if (!session.user?.ready) return <PageStatus session={session} />
  if (!isAdmin) {
    return <NoAccess title="没有权限">人员授权只对管理员开放。如需为工作人员授权，请联系管理员。</NoAccess>
  }

  // A grant or revoke changes both lists: the staff list and the roles shown in the search results.
  const refresh = () => {
    void staff.reload()
    search.refresh()
  }

  const revoke = async (person: StaffCandidate, grant: StaffGrant) => {
    const region = regionLabel(grant.districtCode)
    const { confirm } = await Taro.showModal({
      title: '撤销授权',
      content: `撤销后，${person.realName}将不再负责${region}的服务。确定撤销吗？`,
      confirmText: '撤销',
      confirmColor: '#b3261e',
    })
    if (!confirm) return
    const input = { userId: person.id, districtCode: grant.districtCode }
    setRevokeProblem(undefined)
    setRevoking(grantKey(person, grant))
    try {
      await api.user.revokeStaff(input, { requestId: idFor(input) })
      settle()
      void Taro.showToast({ title: '已撤销', icon: 'success' })
      refresh()
    } catch (e) {
      setRevokeProblem(`没有撤销成功：${toApiError(e).message}`)
    } finally {
      setRevoking(null)
    }
  }

  const granted = () => {
    void Taro.showToast({ title: '已授权', icon: 'success' })
    setChosen(null)
    refresh()
  }

  return (
    <DeskPage title="人员授权" lead="为区县工作人员分配负责的区县和服务。每一次授权和撤销都会记入审计日志。">
      <View className="roles__columns">
        <View className="desk-page__section">
          <Text className="desk-page__heading">现有工作人员</Text>
          {revokeProblem ? <Notice kind="warn">{revokeProblem}</Notice> : null}
          <LoadState
            data={staff.data}
            error={staff.error}
            onRetry={() => void staff.reload()}
            loadingText="正在加载工作人员…"
            empty={{ when: (people) => people.length === 0, title: '还没有工作人员', text: '查找人员并授权后，会出现在这里。' }}
          >
            {(people) => <StaffList people={people} revoking={revoking} onRevoke={(p, g) => void revoke(p, g)} />}
          </LoadState>
        </View>
        <View className="desk-page__section">
          <Text className="desk-page__heading">添加或修改授权</Text>
          {chosen ? (
            <GrantForm key={chosen.id} person={chosen} onGranted={granted} onCancel={() => setChosen(null)} />
          ) : (
            <UserSearch search={search} onChoose={setChosen} />
          )}
        </View>
      </View>
    </DeskPage>
  )
}
