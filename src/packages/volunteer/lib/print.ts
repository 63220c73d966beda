/**
 * 打印 in a browser (H5 at a desk): only the certificate goes to the printer — the page around it, Taro's title bar
 * and the tab bar are hidden for print by a style added once. The mini-program has no print: there the PDF opens in
 * WeChat's viewer, whose menu can print or forward it.
 */
export const canPrint = process.env.TARO_ENV === 'h5'

const STYLE_ID = 'nx-print-record'
const PRINT_CSS = `@media print {
  @page { size: A4; margin: 16mm; }
  body * { visibility: hidden !important; }
  .record-paper, .record-paper * { visibility: visible !important; }
  .record-paper { position: absolute !important; left: 0 !important; right: 0 !important; top: 0 !important; width: auto !important; box-sizing: border-box !important; margin: 0 !important; border: none !important; box-shadow: none !important; }
  .record-paper__actions { display: none !important; }
}`

export function printRecord(): void {
  if (!canPrint) return
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement('style')
    style.id = STYLE_ID
    style.textContent = PRINT_CSS
    document.head.appendChild(style)
  }
  window.print()
}
