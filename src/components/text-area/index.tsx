import { Text, Textarea, View } from '@tarojs/components'
import { FieldError } from '../field-error'
import '../text-field/index.scss'
import './index.scss'

export interface TextAreaProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  error?: string
  maxlength?: number
  /** Show "123 / 2000" under the box, so a long account never stops at a limit nobody mentioned. */
  showCount?: boolean
}

/** Several lines of text: TextField's label, hint and error around a textarea, with an optional live count. */
export function TextArea({ label, value, onChange, placeholder, hint, error, maxlength = 500, showCount }: TextAreaProps) {
  const count = [...value].length
  return (
    <View className={`text-field text-area${error ? ' text-field--error' : ''}`}>
      <Text className="text-field__label">{label}</Text>
      <Textarea
        className="text-field__input text-area__input"
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        autoHeight={false}
        onInput={(e) => onChange(e.detail.value)}
      />
      <View className="text-area__foot">
        <View className="text-area__message">
          {error ? <FieldError message={error} /> : hint ? <Text className="text-field__hint">{hint}</Text> : null}
        </View>
        {showCount ? <Text className={`text-area__count${count >= maxlength ? ' text-area__count--full' : ''}`}>{`${count} / ${maxlength}`}</Text> : null}
      </View>
    </View>
  )
}
