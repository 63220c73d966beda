import * as z from 'zod/mini'
import { MONEY_MAX_FEN } from './money'

/**
 * Field schemas several services share, in the words a worker reads. Kept apart from application.schema.ts so a
 * service's schema can use them without importing the kind registry (which imports every service's schema).
 */

/** A page number of a list. */
export const Page = z.optional(z.int().check(z.gte(1, '页码从 1 开始'), z.lte(1000, '页码太大')))

/** Integer fen, 0 … MONEY_MAX_FEN. */
export const Fen = z.int({ error: '金额请填数字' }).check(z.gte(0, '金额不能是负数'), z.lte(MONEY_MAX_FEN, '金额太大了，请核对'))

/** A calendar day as `YYYY-MM-DD` (Asia/Shanghai). */
export const DateText = z.string({ error: '请选择日期' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-01'))

/** Longitude and latitude as the phone reports them (GCJ-02 from WeChat's getLocation), limited to China. */
export const Longitude = z.number({ error: '位置不对，请重新定位' }).check(z.gte(73, '位置不在国内，请重新定位'), z.lte(136, '位置不在国内，请重新定位'))
export const Latitude = z.number({ error: '位置不对，请重新定位' }).check(z.gte(3, '位置不在国内，请重新定位'), z.lte(54, '位置不在国内，请重新定位'))

/**
 * A position the phone may or may not have given (no location consent, a browser without it): both coordinates or
 * neither. For an object with optional `longitude` and `latitude`: `.check(coordinatesTogether)`.
 */
export const coordinatesTogether = z.refine<{ longitude?: number; latitude?: number }>((p) => (p.longitude === undefined) === (p.latitude === undefined), {
  error: '位置不完整，请重新定位',
  path: ['longitude'],
})

/** The words a person reads for a spot on the map: a crossing, a shop, an address. */
export const PlaceText = z.string({ error: '请写明地点' }).check(z.trim(), z.minLength(2, '请写明地点（路口、小区或店名）'), z.maxLength(80, '最多 80 个字'))

/** A spot on the map with the words a person reads for it. */
export const GeoPlace = z.strictObject({ text: PlaceText, longitude: Longitude, latitude: Latitude })
export type GeoPlace = z.infer<typeof GeoPlace>

/** A district of Jiangsu by its 6-digit code. */
export const DistrictCode = z.string({ error: '请选择区县' }).check(z.regex(/^32\d{4}$/, '请选择江苏省内的区县'))

/** A calendar month as `YYYY-MM` (Asia/Shanghai). */
export const MonthText = z.string({ error: '请选择月份' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-12'))
