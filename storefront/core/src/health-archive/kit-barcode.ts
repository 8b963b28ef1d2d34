/**
 * Kit barcodes are "GT" + 10 digits; the tenth digit is a Luhn (mod 10) check digit over the
 * nine before it, so a typo is caught before the member submits. The server checks the same.
 */
const BARCODE = /^GT(\d{9})(\d)$/

/** The Luhn check digit for a run of digits (doubling every second digit from the right). */
export function kitBarcodeCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new Error(`not digits: ${payload}`)
  let sum = 0
  for (let i = 0; i < payload.length; i++) {
    let digit = Number(payload[payload.length - 1 - i])
    if (i % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return (10 - (sum % 10)) % 10
}

/** Upper-cases and drops spaces and dashes, as people copy codes from a printed label. */
export function normalizeKitBarcode(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase()
}

export function isValidKitBarcode(barcode: string): boolean {
  const match = BARCODE.exec(barcode)
  return !!match && kitBarcodeCheckDigit(match[1]) === Number(match[2])
}

export type KitBarcodeCheck = {
  barcode: string
  state: "empty" | "incomplete" | "malformed" | "mistyped" | "valid"
  message: string
}

/** What the activation form says while the member types a barcode. */
export function checkKitBarcode(input: string): KitBarcodeCheck {
  const barcode = normalizeKitBarcode(input)
  const result = (state: KitBarcodeCheck["state"], message: string) => ({
    barcode,
    state,
    message,
  })
  if (!barcode) return result("empty", "条码印在采样管和采样盒上，以 GT 开头，共 12 位")
  if (!/^G(T\d{0,10})?$/.test(barcode)) {
    return result("malformed", "条码格式不正确：应为 GT 加 10 位数字")
  }
  if (barcode.length < 12) return result("incomplete", `还差 ${12 - barcode.length} 位`)
  if (!isValidKitBarcode(barcode)) {
    return result("mistyped", "条码校验未通过，请逐位核对是否输错")
  }
  return result("valid", "条码格式正确")
}
