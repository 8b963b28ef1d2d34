import {
  findKitBarcodes,
  generateKitBarcode,
  isValidKitBarcode,
  luhnCheckDigit,
  normalizeKitBarcode,
} from "../kit-barcode"

describe("kit barcodes", () => {
  it("computes the Luhn check digit", () => {
    // The textbook example: 7992739871 has check digit 3.
    expect(luhnCheckDigit("7992739871")).toBe(3)
    expect(isValidKitBarcode("GT1234567897")).toBe(true)
  })

  it("catches a mistyped digit and swapped neighbours", () => {
    expect(isValidKitBarcode("GT1234567807")).toBe(false)
    expect(isValidKitBarcode("GT2134567897")).toBe(false)
    expect(isValidKitBarcode("GT123456789")).toBe(false)
    expect(isValidKitBarcode("XX1234567897")).toBe(false)
  })

  it("generates only valid, varied barcodes", () => {
    const made = Array.from({ length: 200 }, generateKitBarcode)
    expect(made.every(isValidKitBarcode)).toBe(true)
    expect(new Set(made).size).toBeGreaterThan(195)
  })

  it("accepts what people type and finds barcodes in text", () => {
    expect(normalizeKitBarcode(" gt 1234-5678 97 ")).toBe("GT1234567897")
    expect(findKitBarcodes("report_gt1234567897_final.pdf")).toEqual(["GT1234567897"])
    // Invalid look-alikes and longer digit runs are ignored.
    expect(findKitBarcodes("GT1234567807 GT12345678970")).toEqual([])
  })
})
