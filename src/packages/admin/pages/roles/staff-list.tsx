import { Text, View } from '@tarojs/components'
import { regionLabel } from '~types/regions'
import { SERVICE_LABELS } from '~types/roles'
import type { StaffCandidate, StaffGrant } from '~types/user.schema'
import { ActionButton } from '../../../../components/action-button'
import { PersonSummary } from './user-search'

/** Which grant a revoke is working on: one person, one district. */
export const grantKey = (person: StaffCandidate, grant: StaffGrant) => `${person.id}/${grant.districtCode}`

export function StaffList({ people, revoking, onRevoke }: {
  people: StaffCandidate[]
  revoking: string | null
  onRevoke: (person: StaffCandidate, grant: StaffGrant) => void
}) {
  return (
    <View className="people" role="list" aria-label="现有工作人员">
      {people.map((p) => (
        <View key={p.id} className="person" role="listitem">
          <PersonSummary person={p} />
          {p.roles.staff.map((g) => (
            <View key={g.districtCode} className="grant">
              <View className="grant__scope">
                <Text className="grant__region">{regionLabel(g.districtCode)}</Text>
                <Text className="grant__services">{g.services.map((s) => SERVICE_LABELS[s]).join('、')}</Text>
              </View>
              <ActionButton
                compact
                variant="danger"
                busy={revoking === grantKey(p, g)}
                busyText="撤销中…"
                onClick={() => onRevoke(p, g)}
              >
                撤销
              </ActionButton>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
