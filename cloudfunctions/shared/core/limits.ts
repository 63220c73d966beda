/** The largest request body any action accepts (64 KiB). Files go through storage, never through an action. */
export const MAX_BODY_BYTES = 64 * 1024
