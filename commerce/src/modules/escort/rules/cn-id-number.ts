const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = "10X98765432"

/** A mainland resident ID number: 18 characters, a real birth date, GB 11643 check digit. */
export function isCnIdNumber(value: string): boolean {
  const id = value.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number)
  const birth = new Date(Date.UTC(y, m - 1, d))
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return false
  }
  if (y < 1900 || birth.getTime() > Date.now()) return false
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  return CHECK[sum % 11] === id[17]
}

/** 4301**********1234: the region's first four and the last four characters. */
export function maskCnIdNumber(value: string): string {
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`
}

/** 张**: the surname only, for people who have not taken the task. */
export function surnameOnly(name: string): string {
  const chars = Array.from(name)
  return chars[0] + "*".repeat(Math.max(chars.length - 1, 1))
}
