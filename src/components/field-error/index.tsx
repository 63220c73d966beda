import { Text } from '@tarojs/components'
import './index.scss'

/** A field's error: an icon and words as well as colour (colour is never the only cue). */
export function FieldError({ message }: { message?: string }) {
  if (!message) return null
  return (
    <Text className="field-error">
      ⚠ {message}
    </Text>
  )
}
