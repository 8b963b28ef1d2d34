const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code) => (text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text)

export const bold = paint("1")
export const dim = paint("2")
export const green = paint("32")
export const red = paint("31")
export const yellow = paint("33")
export const cyan = paint("36")

export function step(message) {
  console.log(`${cyan("▸")} ${message}`)
}

export function fail(message) {
  console.error(`${red("✖")} ${message}`)
  process.exit(1)
}
