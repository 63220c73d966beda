import { distanceM } from '~types/geo'
import { distanceText, slotsText } from '~types/volunteer-task.schema'
import { pointsFor, servedMinutes, whenText, windowOf } from './task.views'

const task = { ...windowOf('2026-12-12', '09:00', '11:30'), minutes: 150 }
const at = (clock: string) => windowOf('2026-12-12', clock, clock).startsAt

test('served time: clipped to the window, floored to half hours, never more than the task credits', () => {
  expect(servedMinutes(task, at('08:30'), at('11:10'))).toBe(120) // 09:00–11:10 = 130 → 120
  expect(servedMinutes(task, at('09:05'), at('11:34'))).toBe(120) // 09:05–11:30 = 145 → 120
  expect(servedMinutes(task, at('08:00'), at('12:00'))).toBe(150)
  expect(servedMinutes({ ...task, minutes: 120 }, at('08:00'), at('12:00'))).toBe(120)
  expect(servedMinutes(task, at('09:00'), at('09:29'))).toBe(0)
  expect(servedMinutes(task, at('11:40'), at('11:50'))).toBe(0) // after the window: nothing, never negative
})

test('points per half hour at half the hourly rate, whole points only', () => {
  expect(pointsFor(120, 10)).toBe(20)
  expect(pointsFor(150, 10)).toBe(25)
  expect(pointsFor(150, 15)).toBe(37) // 5 half hours × 7.5 = 37.5 → 37
  expect(pointsFor(29, 10)).toBe(0)
  expect(pointsFor(60, 0)).toBe(0)
})

test('distance and words', () => {
  // On $geoNear's sphere (R = 6378.1 km): 0.01079° of latitude is about 1.2 km anywhere; a degree of longitude at 32.1° N about 94.3 km.
  expect(Math.round(distanceM([120.8891, 31.9876], [120.8891, 31.99839]))).toBe(1201)
  expect(Math.round(distanceM([120, 32.1], [121, 32.1]) / 100) / 10).toBe(94.3)
  expect(distanceText(1201)).toBe('1.2 公里')
  expect(distanceText(2000)).toBe('2 公里')
  expect(distanceText(347)).toBe('350 米')
  expect(distanceText(2)).toBe('1 米')
  expect(slotsText(3)).toBe('还剩 3 个名额')
  expect(slotsText(0)).toBe('已满')
  expect(whenText({ date: '2026-12-12', start: '09:00', end: '11:30' })).toBe('12月12日 周六 09:00–11:30')
})
