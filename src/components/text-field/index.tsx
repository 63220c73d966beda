import { Input, Text, View } from '@tarojs/components'
import { FieldError } from '../field-error'
import { useCharLimit } from './limit'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'

export interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  error?: string
  /** `idcard` and `number` bring up the matching keyboard (WeChat's own; in a browser the number pad). */
  type?: 'text' | 'idcard' | 'number'
  /** In characters, as the server counts them (see limit.ts). */
  maxlength?: number
  name?: string
  /** The keyboard's confirm key (Enter at a desk), e.g. to search without reaching for the button. */
  onConfirm?: () => void
}

/**
 * A browser has no ID-card keyboard: the number pad (`inputmode="numeric"`) suits the 17 digits, and an “X” key
 * beside the box gives the check character some numbers end in. WeChat's `idcard` keyboard has both.
 */
const ID_NATIVE = { inputMode: 'numeric', autoComplete: 'off', autoCapitalize: 'characters', spellCheck: false }

/** Label above, a large input, the hint or the error below — one field a gloved thumb can hit. */
export function TextField({ label, value, onChange, placeholder, hint, error, type = 'text', maxlength = 140, name, onConfirm }: TextFieldProps) {
  const limit = useCharLimit(value, onChange, maxlength)
  // Digits and X are one unit each: the native limit is right for them, and Taro's number input relies on it.
  const plain = type !== 'text'
  const idKey = isH5 && type === 'idcard'
  const input = (
    <Input
      className="text-field__input"
      name={name}
      type={type}
      value={plain ? value : limit.shown}
      placeholder={placeholder}
      maxlength={plain ? maxlength : limit.nativeMax}
      onInput={(e) => (plain ? onChange(e.detail.value) : limit.onInput(e.detail.value))}
      onConfirm={onConfirm ? () => onConfirm() : undefined}
      {...(idKey ? { nativeProps: ID_NATIVE } : {})}
    />
  )
  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <Text className="text-field__label">{label}</Text>
      {idKey ? (
        <View className="text-field__row">
          {input}
          <View
            className="text-field__key"
            role="button"
            aria-label="输入 X"
            aria-disabled={value.length >= maxlength}
            onClick={() => {
              if (value.length < maxlength) onChange(`${value}X`)
            }}
          >
            X
          </View>
        </View>
      ) : (
        input
      )}
      {error ? <FieldError message={error} /> : limit.cut ? <Cut max={maxlength} /> : hint ? <Text className="text-field__hint">{hint}</Text> : null}
    </View>
  )
}

/** What a cut text says under its box: the end was not kept. */
export function Cut({ max }: { max: number }) {
  return (
    <View className="text-field__cut" role="status">
      {`⚠ 已截断到 ${max} 字：超出的部分没有保留，请检查结尾。`}
    </View>
  )
}
