import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '~types/geo'
import { currentPosition } from './position'

/** What each getLocation call asked for; the stand-in answers `answer` (a value, or a failure to reject with). */
let asked: { type?: string }[] = []
function answerWith(answer: { longitude: number; latitude: number } | { errMsg: string }) {
  Object.assign(Taro, {
    getLocation: (o: { type?: string }) => {
      asked.push({ type: o.type })
      return 'errMsg' in answer ? Promise.reject(answer) : Promise.resolve({ ...answer, accuracy: 10, errMsg: 'getLocation:ok' })
    },
  })
}

const env = process.env.TARO_ENV
beforeEach(() => (asked = []))
afterEach(() => (process.env.TARO_ENV = env))

test('the transform gives the published figures, and leaves a point outside China as it is', () => {
  // The reference pair of the widely used coordtransform library (天安门, WGS-84 → GCJ-02).
  expect(wgs84ToGcj02(116.404, 39.915)).toEqual({ longitude: 116.41024449916938, latitude: 39.91640428150164 })
  expect(wgs84ToGcj02(2.3522, 48.8566)).toEqual({ longitude: 2.3522, latitude: 48.8566 })
})

test('a browser is asked for GPS (all Taro H5 gives) and its point answered in GCJ-02', async () => {
  process.env.TARO_ENV = 'h5'
  answerWith({ longitude: 116.404, latitude: 39.915 })
  expect(await currentPosition()).toEqual({ ok: true, at: wgs84ToGcj02(116.404, 39.915) })
  expect(asked).toEqual([{ type: 'wgs84' }])
})

test('WeChat is asked for GCJ-02 and its point kept as given', async () => {
  process.env.TARO_ENV = 'weapp'
  answerWith({ longitude: 120.8645, latitude: 32.0106 })
  expect(await currentPosition()).toEqual({ ok: true, at: { longitude: 120.8645, latitude: 32.0106 } })
  expect(asked).toEqual([{ type: 'gcj02' }])
})

test('a refusal and a failure say which, in words for the person', async () => {
  process.env.TARO_ENV = 'h5'
  answerWith({ errMsg: 'getLocation:fail User denied Geolocation' })
  expect(await currentPosition()).toEqual({ ok: false, why: '浏览器没有给位置权限' })
  process.env.TARO_ENV = 'weapp'
  answerWith({ errMsg: 'getLocation:fail auth deny' })
  expect(await currentPosition()).toEqual({ ok: false, why: '微信没有位置权限（可在右上角“···”→“设置”里打开）' })
  answerWith({ errMsg: 'getLocation:fail timeout' })
  expect(await currentPosition()).toEqual({ ok: false, why: '没有拿到位置（可能没开定位，或者信号不好）' })
})
