import { isValidKitBarcode, normalizeKitBarcode } from "@health/contracts"

// The rule (GT, nine digits, a Luhn check digit) is the one commerce checks: @health/contracts.
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
