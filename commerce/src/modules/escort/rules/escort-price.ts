/**
 * 陪诊 price rule (issue #20 item 1). A service's variant has a base price covering
 * `duration_hours`; a booked time window longer than that adds whole extra hours (any part
 * of an hour counts as one) at the service's hourly rate; each chosen extra (wheelchair,
 * dialect, …) adds its fixed price once. Everything is integer fen: no floats anywhere.
 */

export type EscortExtra = { code: string; label: string; price_fen: number }

export type EscortServicePricing = {
  base_fen: number
  duration_hours: number
  extra_hour_fen: number
  extras: EscortExtra[]
}

export type EscortPriceRequest = {
  /** "08:00" and "12:00", Beijing time, start before end. */
  start: string
  end: string
  extras: string[]
}

export type EscortPrice = {
  price_fen: number
  base_fen: number
  extra_hours: number
  extra_hours_fen: number
  extras: EscortExtra[]
}

const minutesOf = (clock: string) => {
  const [h, m] = clock.split(":").map(Number)
  return h * 60 + m
}

/** The price of one booking, or a Chinese refusal when an extra is not offered by the service. */
export function escortPrice(
  service: EscortServicePricing,
  request: EscortPriceRequest
): EscortPrice | { refusal: string } {
  const chosen: EscortExtra[] = []
  for (const code of new Set(request.extras)) {
    const extra = service.extras.find((candidate) => candidate.code === code)
    if (!extra) return { refusal: `该服务不提供附加项「${code}」` }
    chosen.push(extra)
  }
  const booked = minutesOf(request.end) - minutesOf(request.start)
  const over = Math.max(0, booked - service.duration_hours * 60)
  const extra_hours = Math.ceil(over / 60)
  const extra_hours_fen = extra_hours * service.extra_hour_fen
  const extras_fen = chosen.reduce((sum, extra) => sum + extra.price_fen, 0)
  return {
    price_fen: service.base_fen + extra_hours_fen + extras_fen,
    base_fen: service.base_fen,
    extra_hours,
    extra_hours_fen,
    extras: chosen,
  }
}
