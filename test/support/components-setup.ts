// Runs before each component test file: pages branch on the platform at module load, as in the H5 build.
process.env.TARO_ENV = 'h5'
