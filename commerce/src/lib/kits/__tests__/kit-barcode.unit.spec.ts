import { generateKitBarcode, isValidKitBarcode } from "../kit-barcode"

// The rule itself (check digit, normalizing, finding) is tested in @health/contracts.
describe("kit barcodes", () => {
  it("generates only valid, varied barcodes", () => {
    const made = Array.from({ length: 200 }, generateKitBarcode)
    expect(made.every(isValidKitBarcode)).toBe(true)
    expect(new Set(made).size).toBeGreaterThan(195)
  })
})
