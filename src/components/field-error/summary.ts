import Taro from '@tarojs/taro'

/**
 * What to say above the submit button when fields are wrong: their names, in the form's order (the order of
 * `labels`), so a rider at the bottom of a long form knows what to fix without hunting for red. Pair it with
 * scrollToFirstError.
 */
export function errorSummary(errors: Record<string, string>, labels: Record<string, string>): string {
  const names = [...new Set(Object.keys(labels).filter((k) => errors[k]).map((k) => labels[k]))]
  if (!names.length) return '有几项需要修改，请看标红的地方'
  return names.length === 1 ? `请修改：${names[0]}` : `请修改这 ${names.length} 项：${names.join('、')}`
}

/** After the errors have rendered: the first one comes into view with its label and box above it (both platforms; a failure is harmless). */
export function scrollToFirstError(): void {
  setTimeout(() => void Promise.resolve(Taro.pageScrollTo({ selector: '.field-error', offsetTop: -110, duration: 200 })).catch(() => undefined), 60)
}

/**
 * What a form's SubmitBar says after a refusal: when the errors are the form's own fields, their names (each message
 * is under its field already — not said twice); otherwise the problem itself.
 */
export function formProblem(action: { errors: Record<string, string>; problem?: string }, labels: Record<string, string>): string | undefined {
  return Object.keys(action.errors).some((k) => labels[k]) ? errorSummary(action.errors, labels) : action.problem
}
