import { action } from './contract'
import { SchemeInput, SchemesInput, type CoverageView, type SchemeView } from './insurance.schema'
import { Empty } from './user.schema'

/**
 * The `insurance` function (职业伤害保障). This first part: the schemes as configuration and "am I covered?";
 * enrolment, payment, policies and claims follow (issue #9).
 */
export const insuranceContract = {
  coverage: action<CoverageView>()({ input: Empty, roles: ['worker'], writes: false, summary: "Which schemes apply to the caller's profile, in plain words, with what each pays and costs." }),
  schemes: action<SchemeView[]>()({ input: SchemesInput, roles: ['admin'], writes: false, summary: 'Schemes in force (with `all`, past and scheduled versions too).' }),
  saveScheme: action<SchemeView[]>()({ input: SchemeInput, roles: ['admin'], writes: true, replay: 'stored', summary: 'A new version of a scheme from a date, today or later (audited).' }),
}
