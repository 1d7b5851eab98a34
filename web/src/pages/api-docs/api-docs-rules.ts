/**
 * Turns the server's OpenAPI description into the list the API reference page shows: one entry per
 * operation, grouped by who may call it, filtered by a search over method, path and access.
 */
import type { OpenApiDocument, OpenApiOperation } from '../../api/api-description.ts';

export interface ApiEntry {
  method: string;
  path: string;
  access: string;
  operation: OpenApiOperation;
}

export interface ApiGroup {
  title: string;
  entries: ApiEntry[];
}

/** Groups in the order a reader meets them: open data first, staff tools last. */
const GROUPS: { title: string; matches: (access: string) => boolean }[] = [
  { title: 'Open to everyone', matches: (access) => access.startsWith('Anyone') },
  { title: 'Your own account', matches: (access) => access.startsWith('Any signed-in') },
  { title: 'Agency members', matches: (access) => access.startsWith('Members of the agency') },
  { title: 'Justice Counts staff', matches: (access) => access.startsWith('Justice Counts staff') },
];

export function apiEntries(document: OpenApiDocument): ApiEntry[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        access: operation['x-access'] ?? '',
        operation,
      })),
    )
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** The entries whose method, path or access contains every word of the search. */
export function apiGroups(entries: ApiEntry[], search: string): ApiGroup[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const found = entries.filter((entry) => {
    const text = `${entry.method} ${entry.path} ${entry.access}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  return GROUPS.map(({ title, matches }) => ({ title, entries: found.filter((e) => matches(e.access)) })).filter(
    (group) => group.entries.length > 0,
  );
}
