import { readFileSync } from "fs"
import path from "path"

/**
 * The price on cards (home, list) and the product page must pass WCAG AA for normal text
 * (contrast ≥ 4.5): read from the colour tokens in globals.css, as the browser resolves them.
 */
const css = readFileSync(path.join(__dirname, "..", "app", "globals.css"), "utf8")

const tokens = Object.fromEntries(
  [...css.match(/:root\s*{([^}]*)}/)![1].matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [
    m[1],
    m[2].trim(),
  ])
)

/** A declaration of the first rule with exactly this selector, var() resolved. */
function declared(selector: string, property: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  const rule = css.match(new RegExp(`(?:^|\\n)${escaped}\\s*{([^}]*)}`))
  if (!rule) throw new Error(`no rule for ${selector}`)
  const value = rule[1].match(new RegExp(`(?:^|[;\\s])${property}:\\s*([^;]+);`))?.[1].trim()
  if (!value) throw new Error(`${selector} sets no ${property}`)
  return value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => tokens[name])
}

function luminance(hex: string): number {
  const digits = hex.replace("#", "")
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

describe("price colour contrast (WCAG AA)", () => {
  it("computes contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5)
    // The colour the price had when Lighthouse failed it: 3.56 on white.
    expect(contrast("#ea580c", "#ffffff")).toBeLessThan(4.5)
  })

  const card = declared(".card", "background")
  const page = declared("body", "background")
  it.each([
    [".price", "on a product card", card],
    [".price", "on the page (product page)", page],
    [".price small", "(起) on a product card", card],
  ])("%s %s is at least 4.5 : 1", (selector, _where, background) => {
    const colour = declared(selector, "color")
    expect(colour).toMatch(/^#[0-9a-f]{3,6}$/i)
    expect(contrast(colour, background)).toBeGreaterThanOrEqual(4.5)
  })
})
