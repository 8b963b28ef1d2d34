import { Checkbox, Input, Text, View } from "@tarojs/components"
import {
  NEW_PERSON_SERVED,
  personServedLabel,
  RELATION_LABELS,
  type PersonRelation,
  type TestedPerson,
} from "@health/core"
import { Field } from "../../../components/field"

const RELATIONS = Object.entries(RELATION_LABELS) as [PersonRelation, string][]

/** The member's choice: a saved person's id, or NEW_PERSON_SERVED with what they typed. */
export type PersonServedDraft = {
  chosen: string
  name: string
  idNumber: string
  relation: PersonRelation
  save: boolean
}

/** A saved person first when there is one, else a new person to save. */
export const firstPersonServed = (persons: TestedPerson[]): PersonServedDraft => ({
  chosen: persons[0]?.id ?? NEW_PERSON_SERVED,
  name: "",
  idNumber: "",
  relation: "parent",
  save: true,
})

/**
 * 就诊人: 选择就诊人 from the member's saved people (ID numbers masked), or 新增就诊人 typed
 * in and saved for next time (实名认证 once) unless the member unticks it.
 */
export function PersonServedChoice(props: {
  persons: TestedPerson[]
  draft: PersonServedDraft
  onChange: (draft: PersonServedDraft) => void
}) {
  const { persons, draft, onChange } = props
  const set = (change: Partial<PersonServedDraft>) => onChange({ ...draft, ...change })
  const row = (active: boolean) => (active ? "list-item list-item--active" : "list-item")
  return (
    <View data-testid="person-served-choice">
      <Text className="section__title">{persons.length ? "选择就诊人" : "就诊人"}</Text>
      {persons.map((person) => (
        <View
          key={person.id}
          className={row(draft.chosen === person.id)}
          data-testid={`person-served-${person.id}`}
          onClick={() => set({ chosen: person.id })}
        >
          <Text>{personServedLabel(person)}</Text>
        </View>
      ))}
      <View
        className={row(draft.chosen === NEW_PERSON_SERVED)}
        data-testid="person-served-new"
        onClick={() => set({ chosen: NEW_PERSON_SERVED })}
      >
        <Text>新增就诊人</Text>
      </View>
      {draft.chosen === NEW_PERSON_SERVED ? (
        <View>
          <Field label="真实姓名">
            <Input
              className="field__input"
              data-testid="escort-personName"
              value={draft.name}
              onInput={(e) => set({ name: e.detail.value })}
            />
          </Field>
          <Field label="身份证号">
            <Input
              className="field__input"
              data-testid="escort-personId"
              placeholder="18 位身份证号"
              value={draft.idNumber}
              onInput={(e) => set({ idNumber: e.detail.value })}
            />
          </Field>
          <View className="row">
            {RELATIONS.map(([value, label]) => (
              <Text
                key={value}
                className={draft.relation === value ? "chip chip--active" : "chip"}
                data-testid={`person-relation-${value}`}
                onClick={() => set({ relation: value })}
              >
                {label}
              </Text>
            ))}
          </View>
          <View
            className="list-item"
            data-testid="person-served-save"
            onClick={() => set({ save: !draft.save })}
          >
            <Checkbox value="save" checked={draft.save} />
            <Text>保存为常用就诊人（实名认证一次，下次直接选择）</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
