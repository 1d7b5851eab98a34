/** The catalogue keeps setting keys only; show them as words ("SERVICE_911" → "Service 911"). */
export function settingLabel(key: string): string {
  const words = key.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
