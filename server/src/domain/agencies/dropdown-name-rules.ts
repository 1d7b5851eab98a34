/** The agency switcher's label: the name, followed by the state as " (XX)" unless it already says so. */
export function dropdownName(name: string, stateCode: string | null): string {
  const state = stateCode?.match(/^us_([a-z]{2})$/i)?.[1]?.toUpperCase();
  if (!state || name.includes(`(${state})`)) return name;
  return `${name} (${state})`;
}
