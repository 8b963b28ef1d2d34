/**
 * The cart fields both storefronts read: lines with product and variant, Medusa's totals
 * (the discount and the total before it included) and the promotions with their adjustments.
 */
export const CART_FIELDS = [
  "*items",
  "*items.variant",
  "*items.product",
  "+items.total",
  "+items.subtotal",
  "*items.adjustments",
  "+item_subtotal",
  "+discount_total",
  "+original_total",
  "*shipping_methods.adjustments",
  "*promotions",
].join(",")
