import { randomInt } from "crypto"

/**
 * Kit barcodes are printed on the tube and typed in by members: "GT", nine digits and
 * a Luhn check digit, so a mistyped digit or two swapped neighbours is caught at once.
 */
export const KIT_BARCODE_PATTERN = /^GT\d{10}$/

/** The Luhn (mod 10) check digit for a run of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    // The rightmost payload digit sits next to the check digit, so it is doubled.
    if (i % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return (10 - (sum % 10)) % 10
}

/** Upper-cases and strips spaces and dashes people type or scanners add. */
export function normalizeKitBarcode(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase()
}

export function isValidKitBarcode(barcode: string): boolean {
  if (!KIT_BARCODE_PATTERN.test(barcode)) return false
  const payload = barcode.slice(2, 11)
  return luhnCheckDigit(payload) === Number(barcode[11])
}

export function generateKitBarcode(): string {
  const payload = String(randomInt(0, 1_000_000_000)).padStart(9, "0")
  return `GT${payload}${luhnCheckDigit(payload)}`
}

/** Every valid barcode that appears in a text (a file name or a report's words). */
export function findKitBarcodes(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.toUpperCase().matchAll(/GT\d{10}(?!\d)/g)) {
    if (isValidKitBarcode(match[0])) found.add(match[0])
  }
  return [...found]
}
