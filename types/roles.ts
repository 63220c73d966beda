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

/** A staff grant as both sides hold it: one district, the services there. */
export interface GrantLike {
  districtCode: string
  services: readonly Service[]
}

/**
 * The districts where someone is staff of `service` — the one rule the functions' scope checks (core/scope.ts) and
 * the app's staff pages (which desk to offer, which districts a form may pick) both read.
 */
export function staffDistricts(user: { roles: { staff: readonly GrantLike[] } } | null | undefined, service: Service): string[] {
  return (user?.roles.staff ?? []).filter((g) => g.services.includes(service)).map((g) => g.districtCode)
}
