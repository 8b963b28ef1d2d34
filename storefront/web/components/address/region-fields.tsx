import { CN_PROVINCES } from "@health/core"

export type RegionValues = Partial<Record<"province" | "city" | "district", string>>

/**
 * 省份 / 城市 (/ 区县) for a mainland address, shared by the checkout and the address book.
 * Typed rather than picked, so any city is accepted; provinces are offered as suggestions.
 */
export function RegionFields({
  defaults = {},
  withDistrict = false,
}: {
  defaults?: RegionValues
  /** The address book keeps the district apart; the checkout has it in the street line. */
  withDistrict?: boolean
}) {
  return (
    <div className={withDistrict ? "form-row three" : "form-row"}>
      <label>
        省份
        <input
          name="province"
          autoComplete="address-level1"
          placeholder="如：湖南省"
          list="cn-provinces"
          defaultValue={defaults.province ?? ""}
          required
        />
      </label>
      <label>
        城市
        <input
          name="city"
          autoComplete="address-level2"
          placeholder="如：岳阳市"
          defaultValue={defaults.city ?? ""}
          required
        />
      </label>
      {withDistrict && (
        <label>
          区县
          <input
            name="district"
            autoComplete="address-level3"
            placeholder="如：岳阳楼区"
            defaultValue={defaults.district ?? ""}
          />
        </label>
      )}
      <datalist id="cn-provinces">
        {CN_PROVINCES.map((province) => (
          <option key={province} value={province} />
        ))}
      </datalist>
    </div>
  )
}
