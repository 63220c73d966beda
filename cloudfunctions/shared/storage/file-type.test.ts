import { sniffContentType } from './file-type'

describe('sniffContentType', () => {
  it('knows JPEG, PNG and PDF by their first bytes, and nothing else', () => {
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg')
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png')
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf')
    for (const other of ['GIF89a', 'MZ\x90\x00', '<svg xmlns="http://www.w3.org/2000/svg"/>', ' %PDF-1.4', '%PDF', '\x89PNG', '']) {
      expect(sniffContentType(Buffer.from(other, 'latin1'))).toBeNull()
    }
  })
})
