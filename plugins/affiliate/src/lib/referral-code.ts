import { randomInt } from "node:crypto"

// No 0/O, 1/I/L: codes are read aloud and typed from posters.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

export function newReferralCode(length = 7): string {
  let code = ""
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

export function normalizeReferralCode(input: string): string {
  return input.trim().toUpperCase()
}

export function isWellFormedReferralCode(code: string): boolean {
  return /^[2-9A-HJKMNP-Z]{4,12}$/.test(code)
}
