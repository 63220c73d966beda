// Real, minimal attachments for tests: bytes the server's type sniffing accepts as what they claim to be.

/** A one-object PDF. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

export { tinyPng } from '../../server/demo-files'
