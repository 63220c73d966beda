/** Brand colours for APIs that take a colour in code (modals); keep in step with _tokens.scss. */
export const BRAND_STRONG = '#b84a1c'
