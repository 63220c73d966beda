import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { randomBytes } from 'node:crypto'
import { readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

/**
 * The H5 build, served as a phone on a slow network needs it. Names with a content hash (`js/app.4dddaac0.js`,
 * config/index.ts) never change content, so they are cached for a year without revalidation; everything else —
 * index.html above all, which names the current hashes — is revalidated on every load (`no-cache`, with its ETag).
 * Hashed text assets are compressed once, brotli at its best and gzip, into `<file>.br` / `<file>.gz` beside them,
 * and @fastify/static picks the variant the request's Accept-Encoding allows (brotli first), with Content-Length.
 * Only hashed files get variants: a variant is then valid as long as its name exists, and a rebuild that rewrites
 * index.html can never leave a stale compressed copy of it behind. index.html (≈ 1 KiB) goes out as it is.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

/** `app.4dddaac0.js`: a hex hash of at least 8 digits right before the extension. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i
/** Text worth compressing; images and fonts come compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|map|txt|xml|wasm)$/i
/** Below this a compressed copy saves less than the headers it needs. */
const MIN_BYTES = 1024

const br = promisify(brotliCompress)
const gz = promisify(gzip)

const VARIANTS = [
  {
    ext: '.br',
    compress: (bytes: Buffer) =>
      br(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  },
  { ext: '.gz', compress: (bytes: Buffer) => gz(bytes, { level: constants.Z_BEST_COMPRESSION }) },
] as const

export const isHashed = (file: string) => HASHED.test(basename(file))
const isVariant = (file: string) => /\.(br|gz)$/.test(file)

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await filesUnder(p)))
    else if (e.isFile() && !e.name.startsWith('.')) out.push(p)
  }
  return out
}

const exists = (p: string) => stat(p).then(() => true, () => false)

/** Written beside the target under a dot name (never served) and renamed into place: readers see all of it or none. */
async function writeAtomically(target: string, bytes: Buffer) {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, bytes)
    await rename(temp, target)
  } catch (e) {
    await unlink(temp).catch(() => undefined)
    throw e
  }
}

/**
 * Writes the missing `.br`/`.gz` of every hashed text asset under `dir` (brotli at quality 11 takes ≈ 2 s for the
 * whole build on 2 cores, once per build; a later start only checks that the files exist). Several servers starting
 * at once (parallel test files) may compress the same file twice, harmlessly. A folder that cannot be written is not
 * an error: the assets are then served uncompressed. Answers how many variants it wrote.
 */
export async function precompressAssets(dir: string): Promise<number> {
  const jobs: (() => Promise<number>)[] = []
  for (const file of await filesUnder(dir)) {
    if (isVariant(file) || !isHashed(file) || !COMPRESSIBLE.test(file)) continue
    jobs.push(async () => {
      const missing = []
      for (const v of VARIANTS) if (!(await exists(file + v.ext))) missing.push(v)
      if (!missing.length) return 0
      const bytes = await readFile(file)
      if (bytes.length < MIN_BYTES) return 0
      let written = 0
      for (const v of missing) {
        const packed = await v.compress(bytes)
        if (packed.length >= bytes.length) continue
        await writeAtomically(file + v.ext, packed)
        written++
      }
      return written
    })
  }
  let written = 0
  let failure: unknown
  // zlib's async calls run on libuv's pool: one job per core keeps them all busy.
  const workers = Array.from({ length: Math.max(1, Math.min(jobs.length, availableParallelism())) }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) written += await job().catch((e: unknown) => ((failure ??= e), 0))
  })
  await Promise.all(workers)
  if (failure) console.warn(`H5: some assets are served uncompressed (${(failure as Error).message})`)
  return written
}

/** Registers the H5 build at `/`: compressed variants by Accept-Encoding, hashed names cached for a year. */
export async function registerH5(app: FastifyInstance, dir: string): Promise<void> {
  await precompressAssets(dir)
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: ['index.html'],
    preCompressed: true,
    // The variants are an encoding of their file, not files of their own.
    allowedPath: (pathname) => !isVariant(pathname),
    // Set below, per file: send's default (`public, max-age=0`) would make every load revalidate every script.
    cacheControl: false,
    setHeaders(res, path) {
      const file = isVariant(path) ? path.slice(0, -3) : path
      res.setHeader('Cache-Control', isHashed(file) ? IMMUTABLE : REVALIDATE)
      res.setHeader('Vary', 'Accept-Encoding')
    },
  })
}
