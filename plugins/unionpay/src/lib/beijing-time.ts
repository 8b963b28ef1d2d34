/** ACP's txnTime and payTimeout: yyyyMMddHHmmss in Beijing time (UTC+8, no daylight saving). */
export function acpTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-T:]/g, "")
}

/** The instant an ACP time names. */
export function parseAcpTime(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value)
  if (!m) throw new Error(`invalid ACP time ${value}`)
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`)
}
