// Runs before each component test file: pages branch on the platform at module load, as in the H5 build.
process.env.TARO_ENV = 'h5'
// The real local server started by components-global.ts; the H5 build's API base is same-origin ''.
;(globalThis as { NUANXIN_API_BASE?: string }).NUANXIN_API_BASE = process.env.NUANXIN_TEST_API ?? ''
