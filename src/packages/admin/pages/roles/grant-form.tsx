import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { FieldErrors } from '~types/errors'
import { CITIES, districtsOf, regionLabel } from '~types/regions'
import { SERVICES, SERVICE_LABELS, type Service } from '~types/roles'
import { GrantStaffInput, type StaffCandidate } from '~types/user.schema'
import { fieldErrors } from '~types/validation'
import { api } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { Notice } from '../../../../components/notice'
import { useRequestId } from '../../../../hooks/use-request-id'
import { PersonSummary } from './user-search'

const cityOptions = CITIES.map((c) => ({ value: c.code, label: c.name }))
const serviceOptions = SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))

/** The first error under a field or any of its items (`services.1`). */
function errorOf(errors: FieldErrors, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1]
}

/** City → district → services for one person; granting a district they already hold replaces its services. */
export function GrantForm({ person, onGranted, onCancel }: { person: StaffCandidate; onGranted: () => void; onCancel: () => void }) {
  const [cityCode, setCityCode] = useState('')
  const [districtCode, setDistrictCode] = useState('')
  const [services, setServices] = useState<Service[]>([])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const { idFor, settle } = useRequestId()
  const held = (code: string) => person.roles.staff.find((g) => g.districtCode === code)

  const forget = (...fields: string[]) =>
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !fields.some((f) => k === f || k.startsWith(`${f}.`)))))

  const submit = async () => {
    setProblem(undefined)
    const local = GrantStaffInput.safeParse({ userId: person.id, districtCode, services })
    if (!local.success) return setErrors(fieldErrors(local.error))
    setBusy(true)
    try {
      await api.user.grantStaff(local.data, { requestId: idFor(local.data) })
      settle()
      onGranted()
    } catch (e) {
      const err = toApiError(e)
      setErrors(err.fields)
      setProblem(err.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="grant-form" role="form" aria-label={`为${person.realName}授权`}>
      <Text className="grant-form__label">授权给</Text>
      <PersonSummary person={person} />
      {person.roles.staff.length ? (
        <Text className="grant-form__held">
          现有权限：{person.roles.staff.map((g) => regionLabel(g.districtCode)).join('、')}
        </Text>
      ) : null}
      {problem || errors.userId ? <Notice kind="warn">{errors.userId ?? problem ?? ''}</Notice> : null}
      <ChipGroup
        label="城市"
        options={cityOptions}
        value={cityCode}
        onChange={(code) => {
          setCityCode(code)
          setDistrictCode('')
          forget('districtCode')
        }}
        error={!cityCode && errorOf(errors, 'districtCode') ? '请先选择城市，再选区县' : undefined}
      />
      <ChipGroup
        label="区县"
        options={cityCode ? districtsOf(cityCode).map((d) => ({ value: d.code, label: d.name })) : []}
        value={districtCode}
        error={cityCode ? errorOf(errors, 'districtCode') : undefined}
        hint={!cityCode ? '请先选择城市' : held(districtCode) ? '此人已负责这个区县，授权后将按下面的服务重新设定。' : undefined}
        onChange={(code) => {
          setDistrictCode(code)
          // Changing an existing grant starts from what it is now.
          const existing = held(code)
          if (existing) {
            setServices(existing.services)
            forget('districtCode', 'services')
          } else forget('districtCode')
        }}
      />
      <ChipGroup
        multiple
        label="负责的服务（可多选）"
        options={serviceOptions}
        value={services}
        error={errorOf(errors, 'services')}
        onChange={(next) => {
          setServices(next as Service[])
          forget('services')
        }}
      />
      <ActionButton busy={busy} busyText="正在授权…" onClick={() => void submit()}>
        授权
      </ActionButton>
      <ActionButton variant="secondary" onClick={onCancel}>
        取消
      </ActionButton>
    </View>
  )
}
