import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RewardCard } from '~types/volunteer-mall.schema'
import { api } from '../../../api/client'
import { toApiError } from '../../../api/api-error'
import { useRequestId } from '../../../hooks/use-request-id'
import { routes } from '../../../routes'
import { confirmWords } from './mall'

/**
 * Redeem with a confirmation first (the points go at once): then 我的兑换 opens on the new code. A lost answer
 * retried keeps its request id, so the server answers the same redemption instead of making a second one; a refusal
 * (sold out a moment ago, too few points) stays on the card it came from, and the list is read again.
 */
export function useRedeem(onRefused: () => void) {
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<{ id: string; text: string } | null>(null)
  const { idFor, settle } = useRequestId()

  const redeem = async (r: RewardCard, expiryDays: number) => {
    if (busy) return
    setProblem(null)
    const { confirm } = await Taro.showModal({ title: `兑换“${r.name}”？`, content: confirmWords(r, expiryDays), confirmText: '确认兑换', cancelText: '再想想' })
    if (!confirm) return
    setBusy(r.id)
    try {
      const got = await api.volunteer.redeem({ rewardId: r.id }, { requestId: idFor(r.id) })
      settle()
      void Taro.showToast({ title: '兑换成功', icon: 'success' })
      void Taro.navigateTo({ url: `${routes.volunteerRedemptions}?id=${encodeURIComponent(got.id)}` })
    } catch (e) {
      setProblem({ id: r.id, text: toApiError(e).message })
      onRefused()
    } finally {
      setBusy(null)
    }
  }
  return { redeem, busy, problemFor: (id: string) => (problem?.id === id ? problem.text : undefined) }
}
