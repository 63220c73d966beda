import type { StationCard } from '~types/station.schema'
import { useLargeText, TEXT_SCALE_LARGE } from '../../../store/text-size'
import type { LngLat } from '../../../lib/position'
import { frameFor, middleOf, scaleBar, tilesFor } from './plot'
import { rowLabel } from './station-row'

const W = 360
const H = 300
const PAD = 26

/** The configured tile server (config/index.ts); the jest run has no build constants and plots without tiles. */
export const MAP_TILES = typeof NUANXIN_MAP_TILES === 'string' ? NUANXIN_MAP_TILES : ''

/**
 * The browser's map: no tile server is reachable from here, so the stations are drawn around the rider (or the
 * middle of the district's stations) on a plain plot — north up, a scale bar in metres, the rider's position, each
 * station a numbered marker matching the list. Open ones are filled, closed ones hollow with a dashed ring (shape,
 * not colour alone). With a tile template configured, the tiles lie under the same projection. Markers are buttons.
 */
export function StationPlot({ stations, me, selected, onSelect, tiles = MAP_TILES }: {
  stations: readonly StationCard[]
  me: LngLat | null
  selected: string | null
  onSelect: (id: string) => void
  tiles?: string
}) {
  const large = useLargeText()
  const k = large ? TEXT_SCALE_LARGE : 1
  const centre = me ?? middleOf(stations.length ? stations : [{ longitude: 120.8645, latitude: 32.0106 }])
  const frame = frameFor(centre, [...stations, ...(me ? [me] : [])], W, H, PAD * k)
  const bar = scaleBar(frame.metresPerUnit, W / 3)
  const you = me ? frame.toXY(me) : null
  const r = 13 * k
  // Nearest drawn last, so on a crowded corner number 1 stays on top.
  const order = stations.map((s, i) => ({ s, n: i + 1, ...frame.toXY(s) })).reverse()
  return (
    <svg className="st-plot" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`驿站分布图，${stations.length} 个驿站${me ? '，中间是您的位置' : ''}`}>
      <rect x={0} y={0} width={W} height={H} fill="#f4ede6" />
      {tilesFor(frame, tiles).map((t) => (
        <image key={t.href} href={t.href} x={t.x} y={t.y} width={t.width} height={t.height} preserveAspectRatio="none" />
      ))}
      {/* Rings every scale-bar length around the centre: distance at a glance. */}
      {[1, 2, 3].map((i) => (
        <circle key={i} cx={W / 2} cy={H / 2} r={bar.units * i} fill="none" stroke="#d9c6b6" strokeWidth={1} />
      ))}
      <g aria-hidden="true">
        <path d={`M ${W - 22} 14 l 7 16 l -7 -4 l -7 4 z`} fill="#4a4a4a" />
        <text x={W - 22} y={44 + 4 * k} fontSize={12 * k} textAnchor="middle" fill="#1f1f1f">北</text>
        <line x1={12} y1={H - 14} x2={12 + bar.units} y2={H - 14} stroke="#1f1f1f" strokeWidth={3} />
        <line x1={12} y1={H - 20} x2={12} y2={H - 8} stroke="#1f1f1f" strokeWidth={2} />
        <line x1={12 + bar.units} y1={H - 20} x2={12 + bar.units} y2={H - 8} stroke="#1f1f1f" strokeWidth={2} />
        <text x={12 + bar.units + 6} y={H - 10} fontSize={12 * k} fill="#1f1f1f">{bar.label}</text>
      </g>
      {you ? (
        <g role="img" aria-label="您的位置">
          <circle cx={you.x} cy={you.y} r={10 * k} fill="#ffffff" stroke="#1f5fbf" strokeWidth={3} />
          <circle cx={you.x} cy={you.y} r={4 * k} fill="#1f5fbf" />
          <text x={you.x} y={you.y + 24 * k} fontSize={12 * k} textAnchor="middle" fill="#1f1f1f" fontWeight={700}>您</text>
        </g>
      ) : null}
      {order.map(({ s, n, x, y }) => {
        const on = s.id === selected
        return (
          <g
            key={s.id}
            className="st-plot__marker"
            role="button"
            tabIndex={0}
            aria-label={rowLabel(s, n)}
            aria-pressed={on}
            onClick={() => onSelect(s.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onSelect(s.id)
            }}
          >
            {/* A finger-sized target around a small mark. */}
            <circle cx={x} cy={y} r={22 * k} fill="transparent" />
            {on ? <circle cx={x} cy={y} r={r + 5} fill="none" stroke="#1f1f1f" strokeWidth={3} /> : null}
            <circle cx={x} cy={y} r={r} fill={s.open.now ? '#b84a1c' : '#ffffff'} stroke="#b84a1c" strokeWidth={3} strokeDasharray={s.open.now ? undefined : '4 3'} />
            <text x={x} y={y + 4.5 * k} fontSize={13 * k} fontWeight={700} textAnchor="middle" fill={s.open.now ? '#ffffff' : '#b84a1c'}>
              {String(n)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
