/**
 * Picks the product the poster shows: a plain GET form, so it works before any script runs
 * and the choice stays in the address (?poster=<handle>).
 */
export function PosterProductPicker({
  products,
  selected,
}: {
  products: { handle: string; title: string }[]
  selected: string
}) {
  return (
    <form method="get" className="form" data-testid="poster-product-picker">
      <label>
        选择要分享的商品
        <select name="poster" defaultValue={selected}>
          {products.map((product) => (
            <option key={product.handle} value={product.handle}>
              {product.title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        生成海报
      </button>
    </form>
  )
}
