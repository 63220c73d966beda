import { cleanFileName } from './file-name'

describe('cleanFileName', () => {
  it('keeps a good name, drops folders, control and bidi characters, quotes', () => {
    expect(cleanFileName('劳动合同.PDF', 'application/pdf')).toBe('劳动合同.PDF')
    expect(cleanFileName('C:\\Users\\me\\IMG_0001.jpeg', 'image/jpeg')).toBe('IMG_0001.jpeg')
    expect(cleanFileName('a\r\nb"c".png', 'image/png')).toBe('abc.png')
    expect(cleanFileName('photo\u202egnp.exe', 'image/png')).toBe('photognp.exe.png')
  })

  it('gives an extension that matches the sniffed type, a default name, and a length limit', () => {
    expect(cleanFileName('invoice.png', 'application/pdf')).toBe('invoice.png.pdf')
    expect(cleanFileName(undefined, 'image/jpeg')).toBe('附件.jpg')
    expect(cleanFileName('../', 'image/png')).toBe('附件.png')
    expect([...cleanFileName('字'.repeat(200), 'image/png')]).toHaveLength(84)
  })
})
