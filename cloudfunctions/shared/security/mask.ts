/** `320***********123X`: the region prefix and the last four stay, the birth date and sequence never show. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`
}

/** `138****1234` */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '***'
}

/** `周**`: the first character of a name, the rest starred (a public check shows no more). */
export function maskName(name: string): string {
  const chars = [...name]
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`
}
