import { Text, Textarea, View } from '@tarojs/components'
import { FieldError } from '../field-error'
import { Cut } from '../text-field'
import { charCount, useCharLimit } from '../text-field/limit'
import '../text-field/index.scss'
import './index.scss'

export interface TextAreaProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  error?: string
  /** In characters, as the server counts them: an emoji is one (see text-field/limit.ts). */
  maxlength?: number
  /** Show "123 / 2000" under the box, so a long account never stops at a limit nobody mentioned. */
  showCount?: boolean
}

/**
 * Several lines of text: TextField's label, hint and error around a textarea, with an optional live count. The
 * count and the limit are the same characters the server counts; a longer paste is cut and says so.
 */
export function TextArea({ label, value, onChange, placeholder, hint, error, maxlength = 500, showCount }: TextAreaProps) {
  const limit = useCharLimit(value, onChange, maxlength)
  const count = charCount(value)
  return (
    <View className={`text-field text-area${error ? ' text-field--error' : ''}`}>
      <Text className="text-field__label">{label}</Text>
      <Textarea
        className="text-field__input text-area__input"
        value={limit.shown}
        placeholder={placeholder}
        maxlength={limit.nativeMax}
        autoHeight={false}
        onInput={(e) => limit.onInput(e.detail.value)}
      />
      <View className="text-area__foot">
        <View className="text-area__message">
          {error ? <FieldError message={error} /> : limit.cut ? <Cut max={maxlength} /> : hint ? <Text className="text-field__hint">{hint}</Text> : null}
        </View>
        {showCount ? <Text className={`text-area__count${count >= maxlength ? ' text-area__count--full' : ''}`}>{`${count} / ${maxlength}`}</Text> : null}
      </View>
    </View>
  )
}
