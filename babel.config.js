// Taro's webpack build uses babel-preset-taro. Under jest (NODE_ENV=test) the same sources, and the ESM
// parts of @tarojs/* in node_modules, are compiled to CommonJS for node instead.
// @babel/preset-env and preset-typescript arrive with babel-preset-taro, which pins them.
module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    }
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]],
  }
}
