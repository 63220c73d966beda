import { Text, View } from '@tarojs/components'
import { FieldError } from '../field-error'
import './index.scss'

export interface ChipOption {
  value: string
  label: string
}

interface Common {
  label: string
  options: readonly ChipOption[]
  error?: string
  hint?: string
}

type ChipGroupProps =
  | (Common & { multiple?: false; value: string; onChange: (value: string) => void })
  | (Common & { multiple: true; value: string[]; onChange: (value: string[]) => void })

/**
 * Choices as large chips, all visible at once: one tap, no wheel picker to scroll in the rain.
 * Selected chips carry a ✓ as well as colour.
 */
export function ChipGroup(props: ChipGroupProps) {
  const selected = (v: string) => (props.multiple ? props.value.includes(v) : props.value === v)
  const toggle = (v: string) => {
    if (props.multiple) props.onChange(selected(v) ? props.value.filter((x) => x !== v) : [...props.value, v])
    else props.onChange(v)
  }
  return (
    <View className={`chip-group${props.error ? ' chip-group--error' : ''}`}>
      <Text className="chip-group__label">{props.label}</Text>
      <View className="chip-group__chips" role={props.multiple ? 'group' : 'radiogroup'}>
        {props.options.map((o) => (
          <View
            key={o.value}
            className={`chip${selected(o.value) ? ' chip--on' : ''}`}
            role={props.multiple ? 'checkbox' : 'radio'}
            aria-checked={selected(o.value)}
            onClick={() => toggle(o.value)}
          >
            {selected(o.value) ? '✓ ' : ''}
            {o.label}
          </View>
        ))}
      </View>
      {props.error ? <FieldError message={props.error} /> : props.hint ? <Text className="chip-group__hint">{props.hint}</Text> : null}
    </View>
  )
}
