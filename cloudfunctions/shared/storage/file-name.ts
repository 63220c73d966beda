import { EXTENSIONS, type FileContentType } from './file-type'

const MAX_NAME_CHARS = 80

/**
 * A display name safe to store and show: no folders, no control characters, no bidi overrides (which can make
 * `photo‮fdp.exe` read as `photo.exe.pdf`), no quotes, and an extension that matches the sniffed type.
 */
export function cleanFileName(raw: string | undefined, type: FileContentType): string {
  const base = (raw ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"\u202a-\u202e\u2066-\u2069]/g, '').trim()
  const name = [...base].slice(0, MAX_NAME_CHARS).join('') || '附件'
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
  return EXTENSIONS[type].includes(ext) ? name : `${name}.${EXTENSIONS[type][0]}`
}
