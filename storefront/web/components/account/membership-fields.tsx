"use client"

import {
  COMPANY_NATURES,
  MEMBERSHIP_LABELS,
  type MemberMembership,
  type MembershipType,
} from "@health/core"
import { useState } from "react"

const TYPES: MembershipType[] = ["individual", "group"]

/**
 * 会员类型 (`membership_type`); choosing 团体会员 reveals 单位名称 and 单位性质, both
 * required. Used by the 注册 form and the profile page.
 */
export function MembershipFields({ initial }: { initial: MemberMembership }) {
  const [type, setType] = useState<MembershipType>(initial.type)
  const company = initial.type === "group" ? initial : { company_name: "", company_nature: "" }
  return (
    <>
      <fieldset className="radio-row">
        <legend>会员类型</legend>
        {TYPES.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="membership_type"
              value={value}
              checked={type === value}
              onChange={() => setType(value)}
            />
            {MEMBERSHIP_LABELS[value]}
          </label>
        ))}
      </fieldset>
      {type === "group" && (
        <div className="form-row" data-testid="company-fields">
          <label>
            单位名称
            <input
              name="company_name"
              autoComplete="organization"
              maxLength={100}
              placeholder="与营业执照或单位公章一致"
              defaultValue={company.company_name}
              required
            />
          </label>
          <label>
            单位性质
            <select name="company_nature" defaultValue={company.company_nature} required>
              <option value="" disabled>
                请选择
              </option>
              {COMPANY_NATURES.map((nature) => (
                <option key={nature} value={nature}>
                  {nature}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </>
  )
}
