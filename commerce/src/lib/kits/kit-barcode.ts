import { randomInt } from "crypto"
import { kitBarcodeFor } from "@health/contracts"

// The barcode rule is shared with the storefronts' activation form: @health/contracts.
export {
  findKitBarcodes,
  isValidKitBarcode,
  KIT_BARCODE_PATTERN,
  luhnCheckDigit,
  normalizeKitBarcode,
} from "@health/contracts"

/** A new kit's barcode: a random payload, unpredictable so a barcode cannot be guessed. */
export function generateKitBarcode(): string {
  return kitBarcodeFor(String(randomInt(0, 1_000_000_000)).padStart(9, "0"))
}
