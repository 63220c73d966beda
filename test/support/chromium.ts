import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress } from 'node:zlib'
import { chromium, type Browser } from 'playwright-core'

/**
 * The browser the tests drive, with nothing from the machine: `npm install` brings Chromium inside the
 * @sparticuz/chromium package (a brotli-packed headless build) and a CJK font inside @expo-google-fonts/noto-sans-sc
 * (plain TTF, which fontconfig reads as it is — no web-font conversion). `CHROMIUM_PATH` points at another Chromium
 * (Debian's /usr/bin/chromium, say); the fonts are the same either way, so screenshots look alike everywhere.
 */
const root = join(__dirname, '..', '..')
const cache = join(root, 'node_modules', '.cache', 'nuanxin-browser')

/** The flags this offline machine needs: no background networking (its connections are refused here), no sandbox as root. */
const ARGS = ['--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const LAUNCH_TIMEOUT_MS = 30_000

function packageDir(name: string): string {
  // Neither package exports its package.json; its folder is found from node_modules like any other.
  const dir = join(root, 'node_modules', name)
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`${name} is missing: run npm install`)
  return dir
}

/**
 * The bundled Chromium, unpacked once into node_modules/.cache (about 2 s). Unpacked in a staging folder and renamed
 * into place, so a run killed halfway never leaves a broken binary that later runs would trust.
 */
async function bundledChromium(): Promise<string> {
  const pkg = packageDir('@sparticuz/chromium')
  const { version } = require(join(pkg, 'package.json')) as { version: string }
  const dir = join(cache, `chromium-${version}`)
  const exe = join(dir, 'chromium')
  if (existsSync(exe)) return exe
  const staging = `${dir}.tmp-${randomBytes(4).toString('hex')}`
  mkdirSync(staging, { recursive: true })
  try {
    await pipeline(createReadStream(join(pkg, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(join(staging, 'chromium'), { mode: 0o755 }))
    renameSync(staging, dir)
  } catch (e) {
    rmSync(staging, { recursive: true, force: true })
    // Another run unpacked it meanwhile: theirs is as good.
    if (!existsSync(exe)) throw e
  }
  return exe
}

/** A fontconfig file naming only the bundled Noto Sans SC (regular and bold) — also what `sans-serif` means. */
function fontConfig(): string {
  const fonts = packageDir('@expo-google-fonts/noto-sans-sc')
  const file = join(cache, 'fonts.conf')
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(fonts, '400Regular')}</dir>
  <dir>${join(fonts, '700Bold')}</dir>
  <cachedir>${join(cache, 'fontconfig')}</cachedir>
  <alias><family>sans-serif</family><prefer><family>Noto Sans SC</family></prefer></alias>
  <alias><family>serif</family><prefer><family>Noto Sans SC</family></prefer></alias>
  <alias><family>monospace</family><prefer><family>Noto Sans SC</family></prefer></alias>
</fontconfig>
`,
  )
  return file
}

/** Where the browser is: `CHROMIUM_PATH`, or the bundled one (unpacked on first use). */
export async function browserExecutable(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const path = env.CHROMIUM_PATH
  if (path) {
    if (!existsSync(path)) throw new Error(`CHROMIUM_PATH=${path} does not exist. Unset it to use the Chromium that npm install brings.`)
    return path
  }
  return bundledChromium()
}

/**
 * Headless Chromium with the bundled font. A browser that cannot start fails within LAUNCH_TIMEOUT_MS with a
 * message saying which browser and what to do, not after playwright's 3-minute default.
 */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = await browserExecutable(env)
  try {
    return await chromium.launch({ executablePath, args: ARGS, timeout: LAUNCH_TIMEOUT_MS, env: { ...process.env, FONTCONFIG_FILE: fontConfig() } })
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0]
    throw new Error(`Chromium could not start (${executablePath}): ${reason}. It comes with npm install (@sparticuz/chromium); CHROMIUM_PATH selects another.`)
  }
}
