import { Text, View } from '@tarojs/components'
import { FieldError } from '../field-error'
import './index.scss'

/** A consent the user gives by ticking it: a big box with a ✓, the words beside it, and the error under it. */
export function ConsentToggle({ checked, onChange, children, error }: { checked: boolean; onChange: (v: boolean) => void; children: string; error?: string }) {
  return (
    <View className="consent-toggle-wrap">
      <View className="consent-toggle" role="checkbox" aria-checked={checked} onClick={() => onChange(!checked)}>
        <View className={`consent-toggle__box${checked ? ' consent-toggle__box--on' : ''}`}>{checked ? '✓' : ''}</View>
        <Text className="consent-toggle__text">{children}</Text>
      </View>
      <FieldError message={error} />
    </View>
  )
}
