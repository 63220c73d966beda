import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import { memo, useEffect, useState } from 'react'
import type { UChartsOptions } from '@qiun/ucharts'
import { TEXT_SCALE_LARGE, useLargeText } from '../../../store/text-size'
import { DECIDED, RECEIVED, type WeeklySeries } from './weekly-words'

const isH5 = process.env.TARO_ENV === 'h5'

/** 收到: the brand's strong orange; 已决定: a dark blue — a pair that stays apart for every common colour deficiency. */
export const RECEIVED_COLOR = '#b84a1c'
export const DECIDED_COLOR = '#1d5a9e'

/** What the selector query answers for a canvas: the 2d canvas node and its size in CSS px. */
interface Found {
  node: { width: number; height: number; getContext(type: '2d'): unknown; clientWidth?: number; clientHeight?: number }
  width: number
  height: number
}

/**
 * The canvas node, through Taro's selector query in both builds. In WeChat a node deeper than the template depth
 * (config `baseLevel`) sits inside Taro's `comp` custom component, which a page-wide `#id` cannot see: `>>>`
 * reaches into it. Taro's H5 query answers the inner <canvas> but no size for a node query; the DOM has it.
 */
function findCanvas(id: string, scope: string): Promise<Found | null> {
  return new Promise((resolve) => {
    const query = Taro.createSelectorQuery()
    const selectors = isH5 ? [`#${id}`] : [`#${id}`, `.${scope} >>> #${id}`]
    for (const s of selectors) query.select(s).fields({ node: true, size: true })
    // An answer that never comes counts as none.
    const timer = setTimeout(() => resolve(null), 1000)
    query.exec((res: ({ node?: Found['node']; width?: number; height?: number } | null)[]) => {
      clearTimeout(timer)
      const hit = (res ?? []).find((r) => r?.node)
      if (!hit?.node) return resolve(null)
      const width = hit.width ?? hit.node.clientWidth ?? 0
      const height = hit.height ?? hit.node.clientHeight ?? 0
      resolve(width > 0 && height > 0 ? { node: hit.node, width, height } : null)
    })
  })
}

function pixelRatio(): number {
  if (isH5) return window.devicePixelRatio || 1
  try {
    return Taro.getWindowInfo().pixelRatio || 2
  } catch {
    return 2
  }
}

/** A y-axis top that divides into 4 whole steps (counts are whole numbers). */
function axisMax(series: WeeklySeries): number {
  const top = Math.max(4, ...series.received, ...series.decided)
  return Math.ceil(top / 4) * 4
}

interface Ctx2d {
  beginPath(): void
  closePath(): void
  arc(x: number, y: number, r: number, start: number, end: number): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  fill(): void
  stroke(): void
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  setLineDash?(segments: number[]): void
}

/**
 * The points, drawn here rather than by uCharts (whose triangles do not grow with the pixel ratio): 收到 a circle,
 * 已决定 a triangle, both outlined in white; the current week, still running, hollow.
 */
function drawMarkers(ctx: Ctx2d, points: ({ x: number; y: number } | null)[][], ratio: number) {
  const shapes = [
    (x: number, y: number) => ctx.arc(x, y, 4.5 * ratio, 0, 2 * Math.PI),
    (x: number, y: number) => {
      const r = 6 * ratio
      ctx.moveTo(x, y - r)
      ctx.lineTo(x - r * 0.95, y + r * 0.6)
      ctx.lineTo(x + r * 0.95, y + r * 0.6)
      ctx.closePath()
    },
  ]
  const colors = [RECEIVED_COLOR, DECIDED_COLOR]
  ctx.setLineDash?.([])
  points.forEach((series, s) =>
    series.forEach((p, i) => {
      if (!p) return
      const current = i === series.length - 1
      ctx.beginPath()
      shapes[s](p.x, p.y)
      ctx.fillStyle = current ? '#FFFFFF' : colors[s]
      ctx.strokeStyle = current ? colors[s] : '#FFFFFF'
      ctx.lineWidth = (current ? 2 : 1.5) * ratio
      ctx.fill()
      ctx.stroke()
    }),
  )
}

function draw({ node, width, height }: Found, labels: string[], series: WeeklySeries, textScale: number) {
  const ratio = pixelRatio()
  node.width = Math.round(width * ratio)
  node.height = Math.round(height * ratio)
  const context = node.getContext('2d') as Ctx2d
  // Loaded here, when there is a canvas to draw on (the jsdom tests have none, and never load it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const UCharts = (require('@qiun/ucharts') as typeof import('@qiun/ucharts')).default
  const narrow = width < 480
  const options: UChartsOptions = {
    type: 'line',
    context,
    width: node.width,
    height: node.height,
    pixelRatio: ratio,
    // No `draw()` call: a canvas 2d context paints as it goes, in WeChat and in the browser alike.
    canvas2d: true,
    animation: false,
    background: '#FFFFFF',
    padding: [12, 12, 4, 4],
    // The axis words grow with 大字模式 like every other text.
    fontSize: Math.round(12 * textScale),
    fontColor: '#4a4a4a',
    dataLabel: false,
    // The points come after, from drawMarkers.
    dataPointShape: false,
    categories: labels,
    // Never colour alone: 收到 is a solid line with round points, 已决定 a dashed line with triangles (drawMarkers).
    series: [
      { name: RECEIVED, data: series.received, color: RECEIVED_COLOR, pointShape: 'circle', lineType: 'solid' },
      { name: DECIDED, data: series.decided, color: DECIDED_COLOR, pointShape: 'triangle', lineType: 'dash', dashLength: 6 },
    ],
    // The legend is text on the page (it grows with 大字模式 and a screen reader reads it).
    legend: { show: false },
    xAxis: { disableGrid: true, fontColor: '#4a4a4a', ...(narrow ? { labelCount: 6 } : {}) },
    yAxis: { gridType: 'dash', dashLength: 4, gridColor: '#ead9cc', splitNumber: 4, data: [{ min: 0, max: axisMax(series), fontColor: '#4a4a4a' }] },
    extra: { line: { type: 'straight', width: 2.5, activeType: 'none' }, tooltip: { showBox: false } },
  }
  const chart = new UCharts(options)
  chart.addEventListener('renderComplete', () => drawMarkers(context, chart.opts.chartData.calPoints ?? [], ratio))
}

/**
 * The weekly line chart of 收到 and 已决定, drawn by uCharts on a canvas 2d context (Taro's `<Canvas type="2d">` in
 * both builds). `scope` names a class of an ancestor that is part of the page (for the selector query in WeChat).
 * If no canvas can be had the chart folds away: the numbers are in the table beside it either way. The canvas says
 * nothing to a screen reader: the caller wraps it in a labelled `role="img"`.
 */
export const WeeklyChart = memo(function WeeklyChart({ labels, series, scope }: { labels: string[]; series: WeeklySeries; scope: string }) {
  const [id] = useState(() => `weekly-chart-${Math.random().toString(36).slice(2, 8)}`)
  const [failed, setFailed] = useState(false)
  const textScale = useLargeText() ? TEXT_SCALE_LARGE : 1

  useEffect(() => {
    let stopped = false
    let tries = 0
    const attempt = () => {
      if (stopped) return
      // No canvas to be had at all (a test double of Taro's query, say) counts as not found.
      void findCanvas(id, scope).catch(() => null).then((hit) => {
        if (stopped) return
        if (!hit) {
          // The canvas may not be laid out yet on the first tries.
          if (++tries < 5) setTimeout(attempt, 80 * tries)
          else setFailed(true)
          return
        }
        try {
          draw(hit, labels, series, textScale)
          setFailed(false)
        } catch {
          setFailed(true)
        }
      })
    }
    const first = setTimeout(attempt, 0)
    // At a desk the window can change width: draw again at the new size.
    let resized: ReturnType<typeof setTimeout> | undefined
    const onResize = () => {
      clearTimeout(resized)
      resized = setTimeout(() => {
        tries = 0
        attempt()
      }, 150)
    }
    if (isH5) window.addEventListener('resize', onResize)
    return () => {
      stopped = true
      clearTimeout(first)
      clearTimeout(resized)
      if (isH5) window.removeEventListener('resize', onResize)
    }
  }, [id, scope, labels, series, textScale])

  return <Canvas type="2d" id={id} className={`weekly-chart${failed ? ' weekly-chart--off' : ''}`} />
})
