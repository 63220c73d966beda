import { Text, Textarea, View } from '@tarojs/components'
import { FieldError } from '../../../components/field-error'
import '../../../components/text-field/index.scss'
import './note-field.scss'

/** A few lines of text (a reason, what is missing): TextField's label, hint and error around a textarea. */
export function NoteField({ label, value, onChange, placeholder, hint, error, maxlength = 500 }: {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  error?: string
  maxlength?: number
}) {
  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <Text className="text-field__label">{label}</Text>
      <Textarea
        className="text-field__input note-field__input"
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        autoHeight={false}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error ? <FieldError message={error} /> : hint ? <Text className="text-field__hint">{hint}</Text> : null}
    </View>
  )
}
