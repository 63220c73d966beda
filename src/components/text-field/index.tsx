import { Input, Text, View } from '@tarojs/components'
import { FieldError } from '../field-error'
import './index.scss'

export interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  error?: string
  /** `idcard` and `number` bring up the matching keyboard in WeChat. */
  type?: 'text' | 'idcard' | 'number'
  maxlength?: number
  name?: string
  /** The keyboard's confirm key (Enter at a desk), e.g. to search without reaching for the button. */
  onConfirm?: () => void
}

/** Label above, a large input, the hint or the error below — one field a gloved thumb can hit. */
export function TextField({ label, value, onChange, placeholder, hint, error, type = 'text', maxlength = 140, name, onConfirm }: TextFieldProps) {
  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <Text className="text-field__label">{label}</Text>
      <Input
        className="text-field__input"
        name={name}
        type={type}
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={onConfirm ? () => onConfirm() : undefined}
      />
      {error ? <FieldError message={error} /> : hint ? <Text className="text-field__hint">{hint}</Text> : null}
    </View>
  )
}
