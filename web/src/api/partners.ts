/**
 * The partners whose logos the footer shows: configuration, not code. web/public/partners/
 * holds partners.json and the image files it names (docs/operations.md, "Partner logos").
 */
import { useQuery } from '@tanstack/react-query';

export interface Partner {
  name: string;
  /** Address of the image on this site: /partners/<file>. */
  logoUrl: string;
  url: string | null;
}

export const PARTNERS_FOLDER = '/partners/';

/** A plain file name inside the partners folder: no folders, no other sites. */
const LOGO_FILE = /^[\w-]+\.(svg|png|jpe?g|webp)$/i;

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The well-formed entries of partners.json; anything else (a typo, a missing file) shows no logo. */
export function readPartners(body: unknown): Partner[] {
  const list = (body as { partners?: unknown } | null)?.partners;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: Record<string, unknown> | null) => {
    const name = text(entry?.name);
    const logo = text(entry?.logo);
    if (!name || !logo || !LOGO_FILE.test(logo)) return [];
    const url = text(entry?.url);
    return [{ name, logoUrl: `${PARTNERS_FOLDER}${logo}`, url: url && /^https:\/\//.test(url) ? url : null }];
  });
}

export function usePartners(): Partner[] {
  const { data } = useQuery({
    queryKey: ['partners'],
    queryFn: async () => {
      const response = await fetch(`${PARTNERS_FOLDER}partners.json`);
      return response.ok ? readPartners(await response.json()) : [];
    },
    staleTime: Infinity,
    retry: false,
  });
  return data ?? [];
}
