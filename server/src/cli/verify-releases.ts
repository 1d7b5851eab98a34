import { DomainError } from '../domain/errors.ts';
import { verifyReleases } from '../domain/public-data/verify-releases.ts';
import { type Command, idOption, printResult } from './command.ts';

export const verifyReleasesCommand: Command = {
  name: 'verify-releases',
  summary: "check that no public release has been changed since it was made (the releases' hash chain)",
  options: {
    agency: {
      type: 'string',
      placeholder: 'ID',
      description: "check this agency's releases only (default: every agency)",
    },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  details: [
    "Every publish or unpublish makes a numbered release of the agency's public figures, with the",
    'SHA-256 of its content chained to the release before it. This command recomputes every hash and',
    'exits 1, naming the agency and release, when a release was changed or removed afterwards.',
  ].join('\n'),
  run: async (values, { io, withDatabase }) => {
    const agencyId = idOption(values, 'agency');
    const result = await withDatabase((database) => verifyReleases(database.db, { agencyId }));
    if (result.problems.length > 0) {
      throw new DomainError('conflict', `the release chain does not verify:\n  ${result.problems.join('\n  ')}`);
    }
    const plural = result.checked === 1 ? '' : 's';
    printResult(io, values, result, `All ${result.checked} release${plural} verify: no release was changed.`);
  },
};
