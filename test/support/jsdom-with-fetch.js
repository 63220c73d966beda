// jsdom as the components' browser, plus the fetch family from Node (jsdom has none): pages call the real
// local server over HTTP just as the H5 build does in Chromium.
const { TestEnvironment } = require('jest-environment-jsdom')

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    Object.assign(this.global, { fetch, Request, Response, Headers, AbortController, TextEncoder, TextDecoder })
  }
}

module.exports = JsdomWithFetch
