import { model } from "@medusajs/framework/utils"

/**
 * One line of the on-duty roster operations keep in the admin: a staff mobile (+86 form)
 * on duty on these weekdays (1 = Monday … 7 = Sunday) between these Beijing hours. An end
 * at or before the start runs past midnight into the next day.
 */
export const EscortDutyShift = model.define("escort_duty_shift", {
  id: model.id({ prefix: "escduty" }).primaryKey(),
  phone: model.text(),
  name: model.text(),
  weekdays: model.json(),
  /** "08:00" … "23:59". */
  start_time: model.text(),
  end_time: model.text(),
})
