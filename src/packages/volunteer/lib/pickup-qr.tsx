import { Image } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { useMemo } from 'react'

/**
 * A pickup code as a QR code the desk's WeChat scan reads (Taro.scanCode answers the 8 digits). Drawn by
 * qrcode-generator into a GIF data URL: no canvas, so one <Image> shows it in the mini-program and the browser
 * alike, and the library loads only in this subpackage. Numeric mode and level M: 8 digits fit the smallest
 * symbol (21 × 21) with room for a scratched screen.
 */
export function PickupQr({ code }: { code: string }) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M')
    qr.addData(code, 'Numeric')
    qr.make()
    // 8 px a module and the standard 4-module quiet zone: crisp when the page scales it down.
    return qr.createDataURL(8, 32)
  }, [code])
  return <Image className="mall-qr" src={src} mode="aspectFit" aria-label={`领取码 ${code} 的二维码`} />
}
