// @qiun/ucharts ships no types: the part of its options the workbench's chart uses.
declare module '@qiun/ucharts' {
  export interface UChartsSeries {
    name: string
    data: number[]
    color?: string
    pointShape?: 'circle' | 'square' | 'triangle' | 'diamond'
    lineType?: 'solid' | 'dash'
    dashLength?: number
  }

  export interface UChartsOptions {
    type: 'line' | 'column' | 'area'
    context: unknown
    width: number
    height: number
    pixelRatio: number
    canvas2d?: boolean
    animation?: boolean
    background?: string
    color?: string[]
    padding?: number[]
    fontSize?: number
    fontColor?: string
    dataLabel?: boolean
    dataPointShape?: boolean
    dataPointShapeType?: 'solid' | 'hollow'
    categories: string[]
    series: UChartsSeries[]
    legend?: Record<string, unknown>
    xAxis?: Record<string, unknown>
    yAxis?: Record<string, unknown>
    extra?: Record<string, unknown>
  }

  export default class UCharts {
    constructor(options: UChartsOptions)
    /** After drawing: each series' points on the canvas, in canvas pixels (null where a value is missing). */
    opts: { chartData: { calPoints?: ({ x: number; y: number } | null)[][] } }
    addEventListener(type: 'renderComplete', listener: () => void): void
  }
}
