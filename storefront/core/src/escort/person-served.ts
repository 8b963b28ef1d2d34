import type { TestedPerson } from "@health/contracts"

/** The picker's value for typing a new person in (新增就诊人) instead of a saved one. */
export const NEW_PERSON_SERVED = "new"

/** The saved people a 陪诊 can be booked for: those saved with an ID number (就诊人). */
export function peopleServable(persons: TestedPerson[]): TestedPerson[] {
  return persons.filter((person) => !!person.id_number_masked)
}

/** 张桂兰（父母）1101**********002X: how the booking forms list a saved person. */
export function personServedLabel(person: TestedPerson): string {
  return `${person.name}（${person.relation_label}）${person.id_number_masked ?? ""}`
}
