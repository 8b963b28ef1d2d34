/**
 * Kit barcodes are printed on the tube and typed in by members: "GT", nine digits and a
 * Luhn check digit, so a mistyped digit or two swapped neighbours is caught at once. The
 * activation form checks as the member types; commerce checks again before it binds a kit.
 */
export const KIT_BARCODE_PATTERN = /^GT\d{10}$/

/** The Luhn (mod 10) check digit for a run of digits. */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error(`not digits: ${digits}`)
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

/** Upper-cases and strips the spaces and dashes people type or scanners add. */
export function normalizeKitBarcode(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase()
}

export function isValidKitBarcode(barcode: string): boolean {
  if (!KIT_BARCODE_PATTERN.test(barcode)) return false
  return luhnCheckDigit(barcode.slice(2, 11)) === Number(barcode[11])
}

/** A barcode for a nine-digit payload (the caller picks the payload, at random on the server). */
export function kitBarcodeFor(payload: string): string {
  if (!/^\d{9}$/.test(payload)) throw new Error(`payload must be nine digits: ${payload}`)
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
