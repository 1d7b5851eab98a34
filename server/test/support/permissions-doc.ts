/**
 * docs/permissions.md, generated from the permission table (permissions.ts) and the route rules
 * (route-rules.ts), so the document cannot drift from what the server enforces. Regenerate with
 * UPDATE_PERMISSIONS_DOC=1 npx vitest run server/test/integration/permissions.test.ts
 */
import type { AgencyRole } from '../../src/domain/actor.ts';
import { agencyRules, type AgencyAction } from '../../src/domain/permissions.ts';
import { routeRules, type RouteRule } from '../../src/http/route-rules.ts';

/** Highest role first; platform admins act as JUSTICE_COUNTS_ADMIN. */
const ROLE_COLUMNS: (AgencyRole | null)[] = ['JUSTICE_COUNTS_ADMIN', 'AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY', null];

function allows(action: AgencyAction, role: AgencyRole | null): boolean {
  const rule: string | readonly string[] = agencyRules[action];
  if (rule === 'member') return true;
  return role !== null && rule.includes(role);
}

function who(rule: RouteRule): string {
  switch (rule.access) {
    case 'public':
      return 'anyone, signed in or not';
    case 'signed_in':
      return 'any signed-in person (own account)';
    case 'platform_admin':
      return 'platform admins, not with API tokens';
    case 'drop_folder':
      return "the drop folder's file transfer, with `INGEST_SECRET`; no person";
    case 'agency': {
      const from = rule.agencyFrom;
      const where =
        'record' in from
          ? `the agency of the ${from.record.replace('_', ' ')} \`:${from.param}\``
          : 'param' in from
            ? `agency \`:${from.param}\``
            : 'query' in from
              ? `agency \`?${from.query}\``
              : 'body' in from
                ? `agency \`${from.body}\` of the body`
                : `agency \`${from.form}\` of the upload form`;
      return `\`${rule.action}\` in ${where}`;
    }
  }
}

const INTRO = `# Permissions

<!-- Generated from server/src/domain/permissions.ts and server/src/http/route-rules.ts.
     Do not edit by hand: change those files, then run
     UPDATE_PERMISSIONS_DOC=1 npx vitest run server/test/integration/permissions.test.ts -->

Who may do what, enforced in one place: the action table in \`server/src/domain/permissions.ts\`,
applied to every route through \`server/src/http/route-rules.ts\`. A test calls every route as six
kinds of caller (signed out, READ_ONLY, CONTRIBUTOR, AGENCY_ADMIN, member of another agency,
platform admin) and checks the answers against these tables; it fails for a route without a rule.

- **Signed out**: 401 on every route that is not public.
- **Outside the agency**: 404, so an agency's existence does not leak. **Member without the role**: 403.
- **Platform admins** (the reference's \`justice-counts-admin\` claim, here the \`is_platform_admin\`
  flag) act as JUSTICE_COUNTS_ADMIN in every agency and alone use the admin panel.
- **Superagency members** act on the superagency's child agencies with their superagency role.
  Someone with a row in both a child agency and its superagency has the stronger of the two roles
  in the child, on every route and in superagency uploads alike: a child agency's admin cannot
  lower a superagency admin's rights in the child by changing that row.
- **READ_ONLY members never write agency data.** They may still change their own preferences
  (page visits, reminder emails), which belong to them, not to the agency.
- **Contributors invite** (as in the reference) but never give a role above their own; only
  Justice Counts staff give JUSTICE_COUNTS_ADMIN or change Justice Counts staff, who are also
  hidden from other agencies' team lists and shown as "JC Admin" in editor lists. Team managers
  act on other members, never on themselves; each member in a team list carries what the viewer
  may do to them (\`memberAbilities\`), which is all the web app reads.
- **Personal API tokens** act for one agency with their owner's current role there; they cannot
  create tokens or change account details, and every \`/admin/*\` route refuses them (403), even
  a staff member's. Bearer requests need no CSRF token.
- **Two-factor sign-in** is each person's own: only they change it, signed in to the web app
  (not through an API token), after entering a current code. Justice Counts staff must have it;
  an agency's admins can require it of every member (\`agency.edit\`, the \`REQUIRE_TWO_FACTOR\`
  setting). Whoever must have it cannot turn it off, and is led to set it up at sign-in. Single
  sign-on accounts rely on their provider's checks.
`;

export function permissionsDoc(): string {
  const header = `| Action | ${ROLE_COLUMNS.map((r) => r ?? 'member, no role').join(' | ')} | outsider |`;
  const rule = `|---|${ROLE_COLUMNS.map(() => '---').join('|')}|---|`;
  const actions = (Object.keys(agencyRules) as AgencyAction[]).map(
    (action) => `| \`${action}\` | ${ROLE_COLUMNS.map((role) => (allows(action, role) ? '✓' : '✗')).join(' | ')} | ✗ |`,
  );
  const routes = Object.entries(routeRules).map(([key, r]) => {
    const [method, path] = key.split(' ');
    return `| ${method} | \`${path}\` | ${who(r)} |`;
  });
  return [
    INTRO,
    '## Actions × roles',
    '',
    header,
    rule,
    ...actions,
    '',
    '## Routes',
    '',
    '| Method | Path | Who may call it |',
    '|---|---|---|',
    ...routes,
    '',
  ].join('\n');
}
