import { systemActor } from '../domain/actor.ts';
import { checkAgencyName, checkStateCode, normalizeSystems } from '../domain/agencies/agency-rules.ts';
import { createAgency } from '../domain/agencies/create-agency.ts';
import { type Command, idOption, listOption, printResult, requiredString } from './command.ts';

export const createAgencyCommand: Command = {
  name: 'create-agency',
  summary: 'create an agency (or, with --is-superagency, a superagency)',
  options: {
    name: { type: 'string', placeholder: 'NAME', description: 'agency name', required: true },
    state: { type: 'string', placeholder: 'CODE', description: 'state or territory code, e.g. us_ca', required: true },
    systems: {
      type: 'string',
      placeholder: 'LIST',
      description: 'comma-separated systems, e.g. JAILS,LAW_ENFORCEMENT',
    },
    superagency: { type: 'string', placeholder: 'ID', description: 'make it a child agency of this superagency' },
    'is-superagency': { type: 'boolean', description: 'create a superagency (adds SUPERAGENCY to its systems)' },
    json: { type: 'boolean', description: 'print the created agency as JSON' },
  },
  details: [
    'Systems: LAW_ENFORCEMENT, PROSECUTION, DEFENSE, COURTS_AND_PRETRIAL, JAILS, PRISONS, SUPERVISION,',
    'PAROLE, PROBATION, PRETRIAL_SUPERVISION, OTHER_SUPERVISION. --systems is required unless --is-superagency.',
    'An agency with the same name, state and systems is refused.',
    '',
    'Example: jc create-agency --name "Harbor County Jail" --state us_ca --systems JAILS --json',
  ].join('\n'),
  run: async (values, { io, clock, withDatabase }) => {
    const isSuperagency = values['is-superagency'] === true;
    const input = {
      name: checkAgencyName(requiredString(values, 'name')),
      stateCode: checkStateCode(requiredString(values, 'state')),
      systems: normalizeSystems(listOption(values, 'systems'), isSuperagency),
      isSuperagency,
      superAgencyId: idOption(values, 'superagency') ?? null,
      now: clock.now(),
    };
    const agency = await withDatabase((database) => createAgency(database.db, systemActor, input));
    const record = {
      id: agency.id,
      name: agency.name,
      state_code: agency.stateCode,
      systems: agency.systems,
      is_superagency: agency.isSuperagency,
      super_agency_id: agency.superAgencyId,
      created_at: agency.createdAt,
    };
    const systems = (agency.systems ?? []).join(', ');
    printResult(io, values, record, `Created agency ${agency.id}: "${agency.name}" (${agency.stateCode}; ${systems}).`);
  },
};
