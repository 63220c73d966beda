/** Hours as volunteer records show them: half-hour steps (民政部令67号), from whole minutes. */
export function minutesText(minutes: number): string {
  const halves = Math.floor(minutes / 30)
  const h = Math.floor(halves / 2)
  return halves % 2 ? (h ? `${h} 小时 30 分` : '30 分钟') : `${h} 小时`
}

/** Hours as a number in half steps, for totals: 193.5. */
export const halfHours = (minutes: number) => Math.floor(minutes / 30) / 2
