"use client"

import {
  NEW_PERSON_SERVED,
  personServedLabel,
  RELATION_LABELS,
  type PersonRelation,
  type TestedPerson,
} from "@health/core"
import { useState } from "react"

const RELATIONS = Object.entries(RELATION_LABELS) as [PersonRelation, string][]

/**
 * 就诊人: 选择就诊人 from the member's saved people (ID numbers masked), or 新增就诊人: the real
 * name and ID number typed in, saved for next time (实名认证 once) unless the member unticks it.
 */
export function PersonServedPicker({
  persons,
  fields = {},
}: {
  /** The member's saved people with an ID number (peopleServable). */
  persons: TestedPerson[]
  /** What the member chose before a refusal (never the ID number). */
  fields?: Record<string, string>
}) {
  const [chosen, setChosen] = useState(fields.person_id ?? persons[0]?.id ?? NEW_PERSON_SERVED)
  const typing = chosen === NEW_PERSON_SERVED
  return (
    <fieldset className="radio-column" data-testid="person-served-picker">
      <legend>{persons.length ? "选择就诊人" : "就诊人"}</legend>
      {persons.map((person) => (
        <label key={person.id}>
          <input
            type="radio"
            name="person_id"
            value={person.id}
            checked={chosen === person.id}
            onChange={() => setChosen(person.id)}
          />
          {personServedLabel(person)}
        </label>
      ))}
      <label>
        <input
          type="radio"
          name="person_id"
          value={NEW_PERSON_SERVED}
          checked={typing}
          onChange={() => setChosen(NEW_PERSON_SERVED)}
        />
        新增就诊人
      </label>
      {typing && (
        <>
          <label>
            真实姓名
            <input
              name="person_name"
              required
              maxLength={40}
              defaultValue={fields.person_name ?? ""}
            />
          </label>
          <label>
            身份证号
            <input
              name="person_id_number"
              required
              inputMode="text"
              autoComplete="off"
              pattern="[0-9]{17}[0-9Xx]"
              title="18 位身份证号"
            />
          </label>
          <label>
            与您的关系
            <select name="person_relation" defaultValue={fields.person_relation ?? "parent"}>
              {RELATIONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              name="save_person"
              value="1"
              defaultChecked={fields.save_person !== "0"}
            />
            保存为常用就诊人（实名认证一次，下次直接选择）
          </label>
        </>
      )}
      <p className="hint">身份证号仅用于医院挂号，加密保存，提交后只显示打码后的号码。</p>
    </fieldset>
  )
}
