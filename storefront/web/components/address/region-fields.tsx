"use client"

import { citiesOf, districtsOf, provincesOf } from "@health/core/commerce/cn-regions"
import { useEffect, useRef, useState } from "react"

export type RegionValues = Partial<Record<"province" | "city" | "district", string>>

/** A saved value the list no longer has (typed before the picker existed) stays choosable. */
function withSaved(options: string[], saved: string) {
  return saved && !options.includes(saved) ? [saved, ...options] : options
}

/**
 * 省份 / 城市 / 区县 for a mainland address, shared by the checkout and the address book:
 * three linked lists, so a city always belongs to its province and a district to its city
 * (the server checks the same). Cities without districts (东莞市, 仙桃市) hide the third list.
 */
export function RegionFields({ defaults = {} }: { defaults?: RegionValues }) {
  const [province, setProvince] = useState(defaults.province ?? "")
  const [city, setCity] = useState(defaults.city ?? "")
  const [district, setDistrict] = useState(defaults.district ?? "")
  // React resets a form after its action runs; a reset puts every <select> back on its first
  // option while the chosen values live on here. Rendering again puts them back on screen.
  const root = useRef<HTMLDivElement>(null)
  const [, setResets] = useState(0)
  useEffect(() => {
    const form = root.current?.closest("form")
    if (!form) return
    // The reset event comes before the browser resets the fields: render once it has.
    const restore = () => setTimeout(() => setResets((count) => count + 1), 0)
    form.addEventListener("reset", restore)
    return () => form.removeEventListener("reset", restore)
  }, [])
  const cities = withSaved(citiesOf(province), city)
  const districts = withSaved(districtsOf(province, city), district)
  return (
    <div className="form-row three" data-testid="region-fields" ref={root}>
      <label>
        省份
        <select
          name="province"
          autoComplete="address-level1"
          value={province}
          onChange={(event) => {
            setProvince(event.target.value)
            // A municipality has one city, itself: choose it so the member picks a district next.
            const only = citiesOf(event.target.value)
            setCity(only.length === 1 ? only[0] : "")
            setDistrict("")
          }}
          required
        >
          <option value="">请选择省份</option>
          {withSaved(provincesOf(), province).map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label>
        城市
        <select
          name="city"
          autoComplete="address-level2"
          value={city}
          onChange={(event) => {
            setCity(event.target.value)
            setDistrict("")
          }}
          disabled={!province}
          required
        >
          <option value="">{province ? "请选择城市" : "请先选择省份"}</option>
          {cities.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      {(districts.length > 0 || !city) && (
        <label>
          区县
          <select
            name="district"
            autoComplete="address-level3"
            value={district}
            onChange={(event) => setDistrict(event.target.value)}
            disabled={!city}
            required
          >
            <option value="">{city ? "请选择区县" : "请先选择城市"}</option>
            {districts.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
      )}
    </div>
  )
}
