import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { SignupState, TaskCard } from '~types/volunteer-task.schema'
import { SIGNUP_STATE_LABELS } from '~types/volunteer-task.schema'
import { TASK_STATE_WORDS, serviceWords } from './task-words'

/** A label–value line of a task card. */
export function TaskRow({ label, children }: { label: string; children: string }) {
  return (
    <View className="task-row">
      <Text className="task-row__label">{label}</Text>
      <Text className="task-row__value">{children}</Text>
    </View>
  )
}

/** A pill with the state in words: the task's, or the caller's own sign-up when there is one. */
export function StatePill({ task, mine }: { task: Pick<TaskCard, 'state'>; mine?: SignupState | null }) {
  const key = mine ?? task.state
  const words = mine ? SIGNUP_STATE_LABELS[mine].replace(/，.*/, '') : TASK_STATE_WORDS[task.state]
  return <Text className={`task-state task-state--${key}`}>{words}</Text>
}

/** One task in a list: what, when, where, how long, slots left; taps through to it. */
export function TaskCardView({ task: t, mine, onOpen, children, footer }: { task: TaskCard; mine?: SignupState | null; onOpen: () => void; children?: ReactNode; footer?: string }) {
  const muted = t.state === 'ended' || t.state === 'cancelled'
  return (
    <View className={`task-card${muted ? ' task-card--muted' : ''}`} role="listitem" aria-label={t.title}>
      <View className="task-card__open" role="link" hoverClass="task-card--pressed" onClick={onOpen}>
        <View className="task-card__top">
          <Text className="task-card__title">{t.title}</Text>
          <StatePill task={t} mine={mine} />
        </View>
        <Text className="task-card__line task-card__line--strong">{t.when}</Text>
        <Text className="task-card__line">{`${t.place.text} · ${t.where}`}</Text>
        <Text className="task-card__line">{`${serviceWords(t.minutes)} · ${t.state === 'open' || t.state === 'full' || t.state === 'started' ? t.slotsText : `共 ${t.slots} 个名额`}`}</Text>
        {t.team ? <Text className="task-card__line">{`仅限“${t.team.name}”队员`}</Text> : null}
        {footer ? <Text className="task-card__line task-card__line--strong">{footer}</Text> : null}
      </View>
      {children ? <View className="task-card__actions">{children}</View> : null}
    </View>
  )
}
