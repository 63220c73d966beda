import * as z from 'zod/mini'

/** Who may call an action. `public` needs no identity; every signed-in user is a `worker`. */
export const ROLES = ['public', 'worker', 'staff', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** The services staff can be scoped to. Later issues add their applications under these keys. */
export const SERVICES = ['academy', 'insurance', 'legalAid', 'volunteer', 'station'] as const
export const Service = z.enum(SERVICES)
export type Service = z.infer<typeof Service>

export const SERVICE_LABELS: Record<Service, string> = {
  academy: '江海新才学院',
  insurance: '职业伤害保障',
  legalAid: '法律援助',
  volunteer: '志愿服务积分',
  station: '暖心驿站',
}
