import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { FindUsersInput, type StaffCandidate } from '~types/user.schema'
import { fieldErrors } from '~types/validation'
import { api } from '../../../../api/client'
import { ApiError, toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { loadErrorMessage } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { TextField } from '../../../../components/text-field'

/** The search box's state, held by the page so a grant can refresh the results it changed. */
export function useUserSearch() {
  const [query, setQuery] = useState('')
  const [result, setResult] = useState<{ query: string; people: StaffCandidate[] } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const run = useCallback(async (text: string) => {
    const parsed = FindUsersInput.safeParse({ query: text })
    if (!parsed.success) return setError(new ApiError('INVALID_INPUT', '', fieldErrors(parsed.error)))
    setBusy(true)
    setError(null)
    try {
      setResult({ query: parsed.data.query, people: await api.user.findUsers(parsed.data) })
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }, [])

  return {
    query,
    setQuery,
    result,
    error,
    busy,
    search: () => void run(query),
    refresh: () => void (result && run(result.query)),
  }
}
export type UserSearchState = ReturnType<typeof useUserSearch>

export function UserSearch({ search, onChoose }: { search: UserSearchState; onChoose: (person: StaffCandidate) => void }) {
  const fieldError = search.error?.fields.query
  return (
    <View className="user-search">
      <TextField
        label="查找人员"
        placeholder="输入姓名或手机号"
        hint="对方需要先在暖新完善个人信息。"
        value={search.query}
        onChange={search.setQuery}
        onConfirm={search.search}
        error={fieldError}
        maxlength={30}
      />
      <ActionButton variant="secondary" busy={search.busy} busyText="正在查找…" onClick={search.search}>
        查找
      </ActionButton>
      {search.error && !fieldError ? <Notice kind="warn">{loadErrorMessage(search.error)}</Notice> : null}
      {search.result ? (
        search.result.people.length ? (
          <View className="people" role="list" aria-label="查找结果">
            {search.result.people.map((p) => (
              <View key={p.id} className="person person--row" role="listitem">
                <PersonSummary person={p} withRoles />
                <ActionButton compact variant="secondary" onClick={() => onChoose(p)}>
                  选择
                </ActionButton>
              </View>
            ))}
          </View>
        ) : (
          <Notice>{`没有找到“${search.result.query}”。请核对姓名或手机号，并确认对方已完善个人信息。`}</Notice>
        )
      ) : null}
    </View>
  )
}

/** Name, masked mobile and region: enough to tell two people of the same name apart. */
export function PersonSummary({ person, withRoles }: { person: StaffCandidate; withRoles?: boolean }) {
  const roles = [
    person.roles.admin ? '管理员' : '',
    person.roles.staff.length ? `已负责 ${person.roles.staff.length} 个区县` : '',
  ].filter(Boolean)
  return (
    <View className="person__summary">
      <Text className="person__name">{person.realName}</Text>
      <Text className="person__meta">{[person.mobileMasked, person.regionLabel].filter(Boolean).join(' · ')}</Text>
      {withRoles && roles.length ? <Text className="person__roles">{roles.join(' · ')}</Text> : null}
    </View>
  )
}
