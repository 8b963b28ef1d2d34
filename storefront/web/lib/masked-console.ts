import { maskPersonalData, maskPersonalText } from "@health/contracts"

const METHODS = ["error", "warn", "info", "log"] as const

/** An error printed as before (name, message, stack), with personal data masked. */
function maskedError(error: Error): Error {
  const copy = new Error(maskPersonalText(error.message))
  copy.name = error.name
  copy.stack = error.stack ? maskPersonalText(error.stack) : undefined
  return copy
}

export function maskLogArgument(value: unknown): unknown {
  if (typeof value === "string") return maskPersonalText(value)
  if (value instanceof Error) return maskedError(value)
  return maskPersonalData(value)
}

let installed = false

/**
 * The web server's log lines (ours, `console.error("[account]", error)`, and Next's) pass
 * through the same masking as commerce's logger: phone numbers, ID numbers, e-mail
 * addresses and personal fields never reach the log. Installed once, at server start.
 */
export function installMaskedConsole(target: Console = console) {
  if (installed && target === console) return
  if (target === console) installed = true
  for (const method of METHODS) {
    const original = target[method].bind(target)
    target[method] = (...args: unknown[]) => original(...args.map(maskLogArgument))
  }
}
