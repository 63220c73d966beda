/**
 * The key of a scheme (what enrol and report take) from its version's id, `<key>@<effectiveFrom>` — coverage and
 * policies name the version, not the key.
 */
export const schemeKeyOf = (item: { schemeId: string }) => item.schemeId.split('@')[0]
