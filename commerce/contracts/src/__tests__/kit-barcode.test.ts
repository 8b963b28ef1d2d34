import {
  findKitBarcodes,
  isValidKitBarcode,
  kitBarcodeFor,
  luhnCheckDigit,
  normalizeKitBarcode,
} from "../kit-barcode"

describe("kit barcodes", () => {
  it("computes the Luhn check digit over the digits before it", () => {
    // The textbook Luhn example: 7992739871 has check digit 3.
    expect(luhnCheckDigit("7992739871")).toBe(3)
    expect(luhnCheckDigit("000000001")).toBe(8)
    expect(luhnCheckDigit("000000000")).toBe(0)
    expect(luhnCheckDigit("123456789")).toBe(7)
  })

  it("refuses a payload that is not digits", () => {
    expect(() => luhnCheckDigit("12a")).toThrow()
    expect(() => kitBarcodeFor("12345678")).toThrow()
  })

  it("accepts GT, nine digits and their check digit, and nothing else", () => {
    expect(isValidKitBarcode("GT1234567897")).toBe(true)
    expect(isValidKitBarcode("GT0000000018")).toBe(true)
    expect(isValidKitBarcode("GT0000000013")).toBe(false)
    expect(isValidKitBarcode("GT1234567898")).toBe(false)
    // A mistyped digit and two neighbouring digits swapped: Luhn catches both.
    expect(isValidKitBarcode("GT1234567807")).toBe(false)
    expect(isValidKitBarcode("GT2134567897")).toBe(false)
    expect(isValidKitBarcode("gt1234567897")).toBe(false)
    expect(isValidKitBarcode("GT123456789")).toBe(false)
    expect(isValidKitBarcode("GT12345678970")).toBe(false)
    expect(isValidKitBarcode("XX1234567897")).toBe(false)
  })

  it("makes a valid barcode from any nine-digit payload", () => {
    expect(kitBarcodeFor("123456789")).toBe("GT1234567897")
    for (const payload of ["000000000", "999999999", "314159265", "271828182"]) {
      expect(isValidKitBarcode(kitBarcodeFor(payload))).toBe(true)
    }
  })

  it("reads a code however it was typed from the label", () => {
    expect(normalizeKitBarcode(" gt 1234-5678 97 ")).toBe("GT1234567897")
  })

  it("finds valid barcodes in text and ignores look-alikes", () => {
    expect(findKitBarcodes("report_gt1234567897_final.pdf")).toEqual(["GT1234567897"])
    expect(findKitBarcodes("GT1234567897 and GT1234567897 again")).toEqual(["GT1234567897"])
    // Invalid look-alikes and longer digit runs are ignored.
    expect(findKitBarcodes("GT1234567807 GT12345678970")).toEqual([])
  })
})
