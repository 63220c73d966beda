import { View } from '@tarojs/components'
import { ActionButton } from '../action-button'
import { Notice } from '../notice'

/**
 * The end of every form: what went wrong that is not one field's fault (network, a refusal) right above the
 * button that sends it, so the rider reads it where their thumb is.
 */
export function SubmitBar({ problem, busy, busyText = '正在提交…', onSubmit, children }: {
  problem?: string
  busy: boolean
  busyText?: string
  onSubmit: () => void
  children: string
}) {
  return (
    <>
      {problem ? (
        <View role="alert">
          <Notice kind="warn">{problem}</Notice>
        </View>
      ) : null}
      <ActionButton onClick={onSubmit} busy={busy} busyText={busyText}>
        {children}
      </ActionButton>
    </>
  )
}
