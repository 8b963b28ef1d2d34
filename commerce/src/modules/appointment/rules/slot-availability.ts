import { addDays, bookingRefusal, type AppointmentCalendarConfig } from "./appointment-calendar"

export type SlotAvailability = {
  slot: string
  capacity: number
  remaining: number
  /** Open for booking now: places left, not past, not too far ahead. */
  bookable: boolean
}

export type DayAvailability = { date: string; slots: SlotAvailability[] }

/** Remaining places per day and slot of one site, from the places already taken. */
export function slotAvailability(input: {
  from: string
  days: number
  capacity: number
  taken: Map<string, number>
  config: AppointmentCalendarConfig
  now?: Date
}): DayAvailability[] {
  return Array.from({ length: input.days }, (_, index) => {
    const date = addDays(input.from, index)
    return {
      date,
      slots: input.config.slots.map((slot) => {
        const remaining = Math.max(0, input.capacity - (input.taken.get(`${date} ${slot}`) ?? 0))
        return {
          slot,
          capacity: input.capacity,
          remaining,
          bookable: remaining > 0 && !bookingRefusal(date, slot, input.config, input.now),
        }
      }),
    }
  })
}
