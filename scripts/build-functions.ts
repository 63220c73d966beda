/**
 * Bundles each deployable function (every folder of cloudfunctions/ with an index.ts, except shared/) into
 * dist/cloudfunctions/<name>/ — index.js exporting `main`, sdk-extras.js, package.json, config.json — and keeps
 * cloudbaserc.json listing them, so `tcb fn deploy` works.
 *
 * @cloudbase/node-sdk is bundled, not installed (README "Cold start"): a new instance loads two files instead of
 * resolving ~300 modules, and the package carries no node_modules for CloudBase to install and ship. The SDK loads
 * everything it can do at start; in the bundle (`sdkPlugin`) each package it requires loads on first use instead,
 * and the packages off the database path (AI, data models, JWT, XML, forms, axios, proxy agents …) sit in
 * sdk-extras.js, which is only read if one of them is used. index.js then holds only what a call that answers from
 * the database runs. `{ sdk: 'external' }` builds the previous layout (SDK left to package.json), which the bundle
 * test compares the deployed one against.
 */
import { build, type Metafile, type Plugin } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'

const root = resolve(__dirname, '..')
const srcRoot = join(root, 'cloudfunctions')
const outRoot = join(root, 'dist', 'cloudfunctions')
const SDK = '@cloudbase/node-sdk'
const sdkVersion: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies[SDK]
const sdkDist = dirname(createRequire(join(root, 'package.json')).resolve(SDK))
const lazyModuleFile = join(srcRoot, 'shared', 'platform', 'lazy-module.ts')

/** The second file of each function: the SDK's packages that are not on the database path. */
export const SDK_EXTRAS = 'sdk-extras.js'
/**
 * The packages the SDK requires that a call answering from the database runs (the database client, request
 * signing, the retry helper): they stay in index.js, loaded at their first use. Every other package the SDK requires
 * goes to sdk-extras.js. Getting this list wrong costs time, never correctness: a package in the wrong file is
 * still loaded when used, from there.
 */
const DATABASE_PATH = new Set(['@cloudbase/database', '@cloudbase/signature-nodejs', 'retry'])

/** `const x_1 = require("p");`, `… = __importDefault(require("p"));`, `… = __importStar(require("p"));` at top level. */
const TOP_LEVEL_REQUIRE = /^const (\w+) = (__importDefault\(|__importStar\()?require\((["'])([^"']+)\3\)(\))?;$/gm
const ONE_REQUIRE = new RegExp(TOP_LEVEL_REQUIRE.source)
/** The data-model client the SDK's constructor builds on every init (cloudbase.js). */
const MODELS_CLIENT = 'wx_cloud_client_sdk_1.default.generateHTTPClient('

const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec)

/**
 * What the bundle does to the SDK's own files (dist/**), checked against the pinned version: the build fails if a
 * pattern no longer matches, rather than shipping an SDK that silently loads everything again.
 * - every top-level require of a package or a Node built-in (not the SDK's own relative modules) becomes
 *   `lazyModule(() => require(…))`, loaded on first use (cloudfunctions/shared/platform/lazy-module.ts) — except a
 *   binding the file uses other than by reading its properties (`new RetryOperation(…)`), which stays as it is;
 * - a package off the database path is required from sdk-extras.js (`require("./sdk-extras.js")["axios"]()`);
 *   its name is added to `extras`, from which that file is built;
 * - the constructor's `app.models` client is built on first use (`deferredCall`), so its library is not loaded by
 *   every `tcb.init()`;
 * - utils/version.js read `../../package.json` beside itself at run time (the User-Agent and X-SDK-Version headers);
 *   in a bundle that file is not there, so the version is written in.
 */
export function sdkPlugin(extras: Set<string>): Plugin {
  const version: string = JSON.parse(readFileSync(join(sdkDist, '..', 'package.json'), 'utf8')).version
  return {
    name: 'nuanxin-sdk',
    setup(b) {
      b.onResolve({ filter: /^\.\/sdk-extras\.js$/ }, (args) => ({ path: args.path, external: true }))
      b.onLoad({ filter: /\.js$/ }, (args) => {
        const rel = relative(sdkDist, args.path)
        if (rel.startsWith('..') || rel.includes('node_modules')) return undefined
        const file = rel.split(sep).join('/')
        if (file === 'utils/version.js') {
          return { contents: `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.version = ${JSON.stringify(version)};\n`, loader: 'js' }
        }
        const source = readFileSync(args.path, 'utf8')
        let contents = source.replace(TOP_LEVEL_REQUIRE, (line, name: string, wrap: string | undefined, q: string, spec: string) => {
          if (spec.startsWith('.')) return line
          // Only a binding read solely as `name.prop` can be a proxy.
          if (source.split(line).join('').match(new RegExp(`\\b${name}\\b(?!\\.)`))) return line
          let load = `require(${q}${spec}${q})`
          if (!isBuiltin(spec) && !DATABASE_PATH.has(packageOf(spec))) {
            extras.add(spec)
            load = `require("./${SDK_EXTRAS}")[${JSON.stringify(spec)}]()`
          }
          return `const ${name} = __nuanxinLazyModule(() => ${wrap ? `${wrap}${load})` : load});`
        })
        if (file === 'cloudbase.js') {
          if (contents.split(MODELS_CLIENT).length !== 2) throw new Error(`${SDK}: ${file} no longer builds the models client as expected (${MODELS_CLIENT}…)`)
          contents = contents.replace(MODELS_CLIENT, `__nuanxinDeferredCall((...a) => ${MODELS_CLIENT}...a))(`)
        }
        const unknown = contents.split('\n').find((l) => /^\S.*\brequire\(["'][^."']/.test(l) && !l.includes('__nuanxinLazyModule(') && !ONE_REQUIRE.test(l))
        if (unknown) throw new Error(`${SDK}: ${file} has a top-level require of a form the build does not know: ${unknown}`)
        if (contents === source) return undefined
        // Appended, not prepended: "use strict" must stay the first statement; function declarations are hoisted.
        const helpers = JSON.stringify(lazyModuleFile)
        contents +=
          `\nfunction __nuanxinLazyModule(load) { return require(${helpers}).lazyModule(load) }` +
          `\nfunction __nuanxinDeferredCall(call) { return require(${helpers}).deferredCall(call) }\n`
        return { contents, loader: 'js', resolveDir: dirname(args.path) }
      })
    },
  }
}

export function functionNames(): string[] {
  return readdirSync(srcRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(join(srcRoot, d.name, 'index.ts')))
    .map((d) => d.name)
}

export interface BuildOptions {
  /** 'bundled' (the default, what is deployed) or 'external': the SDK left to package.json, as before. */
  sdk?: 'bundled' | 'external'
  /** @default dist/cloudfunctions */
  outRoot?: string
}

/** Bytes of each .js file written for one function. */
export type BundleFiles = Record<string, number>

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  metafile: true,
  legalComments: 'none',
} as const

const inputsOf = (meta: Metafile) => new Set(Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs)))

/** Bytes of index.js that are not the SDK or what it pulls in: the function's own code, as the figure always was. */
function bytesWithoutSdk(meta: Metafile): number {
  const sdk = new Set(Object.keys(meta.inputs).filter((f) => f.includes(`node_modules/${SDK}/`)))
  for (const f of sdk) for (const i of meta.inputs[f].imports) if (!i.external && meta.inputs[i.path]) sdk.add(i.path)
  const [out] = Object.values(meta.outputs)
  return Object.entries(out.inputs).reduce((n, [f, i]) => n + (sdk.has(f) ? 0 : i.bytesInOutput), 0)
}

/** Builds one function; answers the bytes of its own code (index.js without the SDK). */
async function buildOne(name: string, { sdk = 'bundled', outRoot: outDir = outRoot }: BuildOptions): Promise<number> {
  const out = join(outDir, name)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const banner = { js: `// GENERATED by scripts/build-functions.ts from cloudfunctions/${name} — do not edit.` }
  const extras = new Set<string>()
  const main = await build({
    ...common,
    entryPoints: [join(srcRoot, name, 'index.ts')],
    outfile: join(out, 'index.js'),
    ...(sdk === 'external' ? { external: [SDK] } : { plugins: [sdkPlugin(extras)] }),
    tsconfig: join(root, 'tsconfig.json'),
    banner,
  })
  if (sdk === 'bundled') {
    if (!extras.size) throw new Error(`${name}: no package of ${SDK} was deferred — has the SDK's output changed?`)
    const rest = await build({
      ...common,
      stdin: {
        contents: `module.exports = {\n${[...extras].sort().map((s) => `  ${JSON.stringify(s)}: () => require(${JSON.stringify(s)}),`).join('\n')}\n}\n`,
        resolveDir: sdkDist,
        sourcefile: `${SDK_EXTRAS} (the SDK's packages off the database path)`,
        loader: 'js',
      },
      outfile: join(out, SDK_EXTRAS),
      banner,
    })
    // One instance of every module: a file in both would be two copies with separate state.
    const inMain = inputsOf(main.metafile)
    const twice = [...inputsOf(rest.metafile)].filter((f) => inMain.has(f))
    if (twice.length) throw new Error(`${name}: in both index.js and ${SDK_EXTRAS}: ${twice.slice(0, 5).join(', ')}`)
  }
  const dependencies = sdk === 'external' ? { [SDK]: sdkVersion } : {}
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2)}\n`)
  const configSrc = join(srcRoot, name, 'config.json')
  const config = existsSync(configSrc) ? readFileSync(configSrc, 'utf8') : `${JSON.stringify({ permissions: { openapi: [] }, triggers: [] }, null, 2)}\n`
  writeFileSync(join(out, 'config.json'), config)
  return bytesWithoutSdk(main.metafile)
}

/** The .js files of a built function and their bytes. */
export function bundleFiles(name: string, dir = outRoot): BundleFiles {
  const files = readdirSync(join(dir, name)).filter((f) => f.endsWith('.js')).sort()
  return Object.fromEntries(files.map((f) => [f, statSync(join(dir, name, f)).size]))
}

/** cloudbaserc.json: keeps whatever the team set (envId, extra keys), refreshes the function list. */
function writeCloudbaserc(names: string[]) {
  const file = join(root, 'cloudbaserc.json')
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  const rc = {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    ...current,
    functionRoot: './dist/cloudfunctions',
    functions: names.map((name) => ({
      name,
      handler: 'index.main',
      runtime: 'Nodejs18.15',
      timeout: 10,
      installDependency: true,
      ...(current.functions ?? []).find((f: { name: string }) => f.name === name),
    })),
  }
  writeFileSync(file, `${JSON.stringify(rc, null, 2)}\n`)
}

/**
 * Builds every function; answers, per function, the bytes of its own code — index.js less the SDK and what it
 * pulls in (what bench/run.ts holds to ≤ 100 KiB). `bundleFiles` has the files as written.
 */
export async function buildFunctions(options: BuildOptions = {}): Promise<Record<string, number>> {
  const names = functionNames()
  const sizes: Record<string, number> = {}
  for (const name of names) sizes[name] = await buildOne(name, options)
  // Only the deployed build keeps cloudbaserc.json; a comparison build elsewhere leaves it alone.
  if (!options.outRoot || resolve(options.outRoot) === outRoot) writeCloudbaserc(names)
  return sizes
}

if (process.argv[1] === __filename) {
  void buildFunctions().then((sizes) => {
    for (const [name, own] of Object.entries(sizes)) {
      const files = Object.entries(bundleFiles(name)).map(([f, bytes]) => `${f} ${(bytes / 1024).toFixed(1)} KiB`)
      console.log(`${name}: ${(own / 1024).toFixed(1)} KiB of its own code; with ${SDK} bundled: ${files.join(', ')}`)
    }
  })
}
