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
