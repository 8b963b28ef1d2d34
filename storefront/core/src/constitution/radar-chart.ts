/**
 * Geometry of a radar (spider) chart as plain numbers and SVG `points` strings, so any
 * renderer (web SVG, mini-program canvas) draws the same chart without a chart library.
 * Axis 0 points straight up; the others follow clockwise at equal angles.
 */

export type Point = { x: number; y: number }

export type RadarGeometry = {
  size: number
  center: Point
  radius: number
  /** One polygon per ring value (e.g. 20, 40 … 100), outermost last. */
  rings: { value: number; points: string }[]
  /** Lines from the centre to each axis's end. */
  spokes: { from: Point; to: Point }[]
  /** The values' polygon and its corners. */
  shape: string
  vertices: Point[]
  /** Where each axis's label goes, and how to anchor text there. */
  labels: (Point & { anchor: "start" | "middle" | "end" })[]
}

const round = (n: number) => Math.round(n * 100) / 100

export const pointsAttribute = (points: Point[]) => points.map((p) => `${p.x},${p.y}`).join(" ")

/** The point at `value` (0 … max, clamped) on axis `index` of `count`. */
export function radarPoint(
  index: number,
  count: number,
  value: number,
  max: number,
  center: Point,
  radius: number
): Point {
  const share = Math.min(Math.max(Number.isFinite(value) ? value : 0, 0), max) / max
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count
  return {
    x: round(center.x + Math.cos(angle) * radius * share),
    y: round(center.y + Math.sin(angle) * radius * share),
  }
}

export function radarGeometry({
  values,
  size = 320,
  padding = 48,
  max = 100,
  rings = [20, 40, 60, 80, 100],
}: {
  values: number[]
  size?: number
  /** Room around the chart for the labels. */
  padding?: number
  max?: number
  rings?: number[]
}): RadarGeometry {
  const count = values.length
  if (count < 3) throw new Error("a radar chart needs at least 3 axes")
  const center = { x: size / 2, y: size / 2 }
  const radius = size / 2 - padding
  const at = (index: number, value: number) => radarPoint(index, count, value, max, center, radius)
  const axes = values.map((_, i) => i)
  const vertices = values.map((value, i) => at(i, value))
  return {
    size,
    center,
    radius,
    rings: rings.map((value) => ({
      value,
      points: pointsAttribute(axes.map((i) => at(i, value))),
    })),
    spokes: axes.map((i) => ({ from: center, to: at(i, max) })),
    shape: pointsAttribute(vertices),
    vertices,
    labels: axes.map((i) => {
      const p = radarPoint(i, count, max, max, center, radius + padding * 0.45)
      const dx = p.x - center.x
      const anchor = Math.abs(dx) < 1 ? "middle" : dx > 0 ? "start" : "end"
      return { ...p, anchor }
    }),
  }
}
